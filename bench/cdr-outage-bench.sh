#!/usr/bin/env bash
# A long database outage for the call record writer alone, on the local PostgreSQL (db test, a fresh schema dropped at
# the end): records held and journaled while the database is unreachable, then replayed. Not a test; run by hand,
# figures go to bench/RESULTS.md.
#
#   bench/cdr-outage-bench.sh [records=600000]   (600,000: 10 minutes at 1,000 calls/s)
#
# Env: BUILD_DIR (default target), JAVA_OPTS (default -Xms512m -Xmx512m), VPBX_TEST_PG_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am package -DskipTests
CP=number-admin/$BUILD_DIR/test-classes:number-admin/$BUILD_DIR/classes:telephony/$BUILD_DIR/classes:server/$BUILD_DIR/vpbx.jar
OPTS=(${JAVA_OPTS:--Xms512m -Xmx512m})
exec java "${OPTS[@]}" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" \
  io.vpbx.admin.service.calls.CallRecordOutageBench "$@"
