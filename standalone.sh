#!/usr/bin/env bash
# Runs the whole StoreOps system in one process: a Kafka broker (KRaft), the Mongo-wire store
# persisted under ./storeops-data, the four services, dev tokens. Builds the jar first when the
# sources are newer. Options: --simulate[=orders per second], --help.
set -euo pipefail
cd "$(dirname "$0")"
command -v java >/dev/null 2>&1 || { echo "StoreOps needs a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)." >&2; exit 1; }
jar=standalone/target/storeops-standalone.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -name target -o -name storeops-data -o -name .git \) -prune -o -type f \( -name '*.java' -o -name pom.xml -o -name '*.properties' -o -name '*.json' -o -name '*.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "Building StoreOps (first run, or sources changed)..."
  ./mvnw -q -B -DskipTests -pl standalone -am package
fi
exec java -jar "$jar" "$@"
