#!/usr/bin/env bash
# Callers waiting in a scenario's menu (issue 13). Not a test; run by hand, figures go to bench/RESULTS.md.
#
#   bench/scenario-menu.sh [callers=500] [seconds=12] [--receive-buffer BYTES] [--digit-every SECONDS]
#
# bench/ScenarioMenu.java: the real SipServer and media server in one JVM, a menu that replays its prompt to silent
# callers, SIPp placing the calls; prints the pacing of what the callers hear (bench/StreamPacing.java: loss,
# deviation from the ideal send time, RFC 3550 jitter, inter-arrival within prompts), vpbx's own ticker lateness per
# media loop, and CPU per caller-second by thread group. --receive-buffer 0 gives the receiving socket the OS default
# (it then drops packets under load); the default asks for 4 MB. --digit-every N: each caller presses 1 (RFC 4733) every N s,
# which stops the prompt and replays the menu (barge-in), so digits arrive while prompts play; default: silent. SKIP_BUILD=1 reuses the jar. Env: BUILD_DIR (default target), JAVA_OPTS (default -Xms512m -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
CALLERS=${1:-500}
SECONDS_RUN=${2:-12}
SKIP_BUILD=${SKIP_BUILD:-}
# the server's jar carries sip-core, media and every dependency (nothing is installed)
# the shaded jar is not always replaced when it exists: delete it so the run has this tree's code
[ -n "$SKIP_BUILD" ] || rm -f "server/$BUILD_DIR/vpbx.jar"
[ -n "$SKIP_BUILD" ] || ./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am package -DskipTests
CP=server/$BUILD_DIR/vpbx.jar
ulimit -n 65536 2>/dev/null || true
java ${JAVA_OPTS:--Xms512m -Xmx512m} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$CP" bench/ScenarioMenu.java --callers "$CALLERS" --seconds "$SECONDS_RUN" "${@:3}"
