#!/usr/bin/env bash
# The proxy's per-call cost in process. Not a test; run by hand, figures go to bench/RESULTS.md.
#
#   bench/proxy-call-bench.sh [warm-up calls=100000] [rounds=5] [calls per round=100000] [calls per batch=500]
#     io.vpbx.sip.proxy.ProxyCallBench: complete calls of the SIPp scenarios through the datagram pipeline and
#     ProxyCore on an embedded channel, no sockets, as fast as they go: CPU time and bytes allocated per call
#     (about a minute with the defaults).
#   bench/proxy-call-bench.sh sockets [calls/s=1000] [warm-up s=20] [rounds=3] [s per round=15]
#     io.vpbx.sip.proxy.ProxySocketBench: the whole SipServer on 127.0.0.1 UDP, the two peers in the same JVM at a
#     fixed call rate: the event loop thread's CPU time per call, user and system (about 70 s with the defaults).
#
# Env: BUILD_DIR (default target; e.g. target-perf for a second build in the same tree), JAVA_OPTS (default
# -Xms512m -Xmx512m, as the server runs in bench/sip-bench.sh), JFR=file.jfr to record the run with the profile settings.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
# The server's jar carries every runtime dependency (the dependency plugin is not in the offline repository); the
# module's class folders go first so that this build's classes are the ones run.
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am package -DskipTests
CP=sip-core/$BUILD_DIR/test-classes:sip-core/$BUILD_DIR/classes:server/$BUILD_DIR/vpbx.jar
OPTS=(${JAVA_OPTS:--Xms512m -Xmx512m})
if [ -n "${JFR:-}" ]; then
  OPTS+=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
fi
MAIN=io.vpbx.sip.proxy.ProxyCallBench
if [ "${1:-}" = sockets ]; then
  MAIN=io.vpbx.sip.proxy.ProxySocketBench
  shift
fi
exec java "${OPTS[@]}" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" "$MAIN" "$@"
