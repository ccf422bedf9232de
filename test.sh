#!/usr/bin/env bash
# Runs every test of StoreOps, as CI does: unit, service, contract, architecture and system tests.
# Installs a JDK 17 first when the machine has none.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-jdk.sh
exec ./mvnw -B -T 2 verify "$@"
