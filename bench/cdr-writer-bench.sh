#!/usr/bin/env bash
# The call-record writer's CPU per record on the local PostgreSQL (db test, a fresh schema dropped at the end).
# Not a test; run by hand, figures go to bench/RESULTS.md.
#
#   bench/cdr-writer-bench.sh [records=200000] [records/s=0: as fast as the queue takes them] [warm-up records=50000]
#     io.vpbx.admin.service.calls.CallRecordWriterBench: records offered to CallRecordWriter from one thread; prints the
#     writer thread's CPU per record (user, system) and the offering thread's.
#
# Env: BUILD_DIR (default target; e.g. target-perf for a second build in the same tree), JAVA_OPTS (default
# -Xms512m -Xmx512m), JFR=file.jfr to record the run with the profile settings, VPBX_TEST_PG_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
# The server's jar carries every runtime dependency (the dependency plugin is not in the offline repository); the
# module's class folders go first so that this build's classes are the ones run.
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am package -DskipTests
CP=number-admin/$BUILD_DIR/test-classes:number-admin/$BUILD_DIR/classes:telephony/$BUILD_DIR/classes:server/$BUILD_DIR/vpbx.jar
OPTS=(${JAVA_OPTS:--Xms512m -Xmx512m})
if [ -n "${JFR:-}" ]; then
  OPTS+=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
fi
exec java "${OPTS[@]}" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" io.vpbx.admin.service.calls.CallRecordWriterBench "$@"
