#!/usr/bin/env bash
# Runs the whole StoreOps system in one process: a Kafka broker (KRaft), the Mongo-wire store
# persisted under ./storeops-data, the five services, dev tokens. Installs a JDK 17 when there is
# none and builds the jar first when the sources are newer. Options: --help lists them.
set -euo pipefail
cd "$(dirname "$0")"
for argument in "$@"; do
  if [ "$argument" = "--help" ] || [ "$argument" = "-h" ]; then
    cat standalone/src/main/resources/storeops-standalone-usage.txt
    exit 0
  fi
done
source scripts/ensure-jdk.sh
jar=standalone/target/storeops-standalone.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -name target -o -name storeops-data -o -name .git -o -name node_modules \) -prune -o -type f \( -name '*.java' -o -name pom.xml -o -name '*.properties' -o -name '*.json' -o -name '*.xml' -o -name '*.txt' \) -newer "$jar" -print -quit)" ]; then
  echo "Building StoreOps (first run, or sources changed)..."
  # no images: the standalone runs the jar, and images take Debian's packages and half a minute more
  ./mvnw -q -B -DskipTests -Djib.skip=true -pl standalone -am package
fi
exec java -jar "$jar" "$@"
