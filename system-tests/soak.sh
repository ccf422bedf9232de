#!/usr/bin/env bash
# The fault run at any size: the standalone jar split into its parts (the store, the broker, two
# instances of each service, each its own process on free ports), N signed paid orders of both demo
# stores with duplicates, older states, cancellations and refunds, while service instances are
# killed with kill -9 and restarted, the broker is restarted once and the store paused once; then
# every acknowledged order, shipment, sales fact, refund file and payment is audited. Prints the
# counts and the rates before, during and after each fault; exits 1 if the audit found a problem.
# Usage: system-tests/soak.sh N [orders per second, default 10] [mean seconds between kills, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "Usage: system-tests/soak.sh N [orders per second] [seconds between kills]" >&2
  exit 2
fi
./mvnw -q -B -DskipTests -Djib.skip=true -pl standalone -am install
./mvnw -q -B -Djib.skip=true -pl system-tests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/soak.classpath
# The processes' logs and data go under system-tests/target/system-test/faults-<time>.
# The audit reads every order's documents of four services at once: room for N = 100,000.
exec java -Xmx4g -Dlogback.configurationFile=system-tests/src/test/resources/logback-test.xml \
  -Dstoreops.standalone.jar=standalone/target/storeops-standalone.jar \
  -Dstoreops.system-test.dir=system-tests/target/system-test \
  -cp "system-tests/target/test-classes:$(cat system-tests/target/soak.classpath)" \
  io.storeops.system.FaultScenario "$@"
