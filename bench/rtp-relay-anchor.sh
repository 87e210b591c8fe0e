#!/usr/bin/env bash
# The media benchmark's anchor: rtpengine (Debian package, userspace forwarding: --table=-1) relays N G.711 streams
# at 50 packets/s each on 127.0.0.1; prints rtpengine's CPU per packet relayed (bench/RtpRelayAnchor.java).
# Usage: bench/rtp-relay-anchor.sh [streams=1000] [seconds=20]. Starts its own rtpengine and stops it by pid.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk
streams=${1:-1000}
seconds=${2:-20}
command -v rtpengine >/dev/null || { echo "rtpengine missing: apt-get install rtpengine" >&2; exit 1; }
work=$(mktemp -d)
ng_port=$((22000 + RANDOM % 1000))
rtpengine --config-file=none --foreground --log-stderr --log-level=4 --table=-1 --interface=127.0.0.1 \
  --listen-ng=127.0.0.1:$ng_port --port-min=40000 --port-max=49999 --num-threads=2 --pidfile="$work/pid" \
  >"$work/rtpengine.log" 2>&1 &
started=$!
trap 'kill "$started" 2>/dev/null || true; wait "$started" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/pid" ] && break; sleep 0.1; done
"$JAVA_HOME/bin/java" bench/RtpRelayAnchor.java --ng 127.0.0.1:$ng_port --pid "$started" --streams "$streams" --duration "$seconds"
