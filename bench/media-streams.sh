#!/usr/bin/env bash
# Concurrent voice-message streams (issue 12). Not a test; run by hand, figures go to bench/RESULTS.md.
#
#   bench/media-streams.sh [streams=1000] [seconds=25] [warm-up s=5] [direct|rtpengine|both (default both)]
#
# bench/MediaStreams.java: N sessions of the media module's NettyMediaServer play a long clip, each to its own UDP
# socket on 127.0.0.1 read by one selector thread in the same JVM; prints inter-arrival jitter against 20 ms, loss,
# the figures of bench/StreamPacing.java (deviation from the ideal send time, RFC 3550 jitter: as the menu bench),
# and CPU per stream-second (media event loops, receiver, whole process) with the load average before and after.
# rtpengine: the anchor. Debian's rtpengine (userspace forwarding only: --table=-1, no kernel module) is started on
# 127.0.0.1 with 2 worker threads; every stream is a call through it (ng offer/answer), so it relays the same packet
# rate from the sessions to the receivers; its CPU per stream-second is read from /proc. Stopped by its pid.
# Env: BUILD_DIR (default target), JAVA_OPTS (default -Xms512m -Xmx512m), LOOPS (media event loops; default one
# per core).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
STREAMS=${1:-1000}
SECONDS_RUN=${2:-25}
WARMUP=${3:-5}
MODE=${4:-both}
CP_FILE=$(mktemp)
RTPENGINE_PID=
cleanup() {
  rm -f "$CP_FILE"
  if [ -n "$RTPENGINE_PID" ]; then kill "$RTPENGINE_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
# compile in the reactor so that config and telephony resolve to their class folders (nothing is installed)
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl media -am compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
# the media module's runtime classpath, without the test-only jars (JUnit, logback: slf4j stays silent)
CP=media/$BUILD_DIR/classes:$(tr ':' '\n' < "$CP_FILE" | grep -v -e junit -e opentest4j -e apiguardian -e logback | paste -sd:)
ulimit -n 65536 2>/dev/null || true
run() {
  java ${JAVA_OPTS:--Xms512m -Xmx512m} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$CP" bench/MediaStreams.java --streams "$STREAMS" --seconds "$SECONDS_RUN" --warmup "$WARMUP" \
    ${LOOPS:+--loops "$LOOPS"} "$@"
}
if [ "$MODE" = direct ] || [ "$MODE" = both ]; then
  echo "== $STREAMS streams from vpbx's media sessions straight to the receivers"
  run
fi
if [ "$MODE" = rtpengine ] || [ "$MODE" = both ]; then
  echo "== the same streams relayed by rtpengine $(rtpengine --version 2>&1 | sed -n 's/^Version: //p') (userspace)"
  rtpengine --foreground --log-stderr --log-level=3 --table=-1 --interface=127.0.0.1 --listen-ng=127.0.0.1:22222 \
    --port-min=30000 --port-max=39999 --num-threads=2 --timeout=600 > bench/results-media-rtpengine.log 2>&1 &
  RTPENGINE_PID=$!
  sleep 1
  run --first-port 26000 --rtpengine 127.0.0.1:22222 --rtpengine-pid "$RTPENGINE_PID"
fi
