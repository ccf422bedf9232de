#!/usr/bin/env bash
# Prints the latency of the aggregate store's write path on the embedded Mongo-wire store.
# Usage: bench/aggregate-store.sh [aggregates=20000] [updates=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl platform -am install
./mvnw -q -B -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "platform/target/test-classes:platform/target/classes:$(cat platform/target/bench.classpath)" \
  io.storeops.platform.bench.AggregateStoreBenchmark "$@"
