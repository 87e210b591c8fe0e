#!/usr/bin/env bash
# SIP core benchmark beside Kamailio (not a test; run by hand, figures go to bench/RESULTS.md).
# Uses the shared SIPp harness ../shared/sipbench (see its README): DID -> 200 -> ACK -> BYE over 1,000 numbers
# (+74951234000..+74951234999), each routed to sip:callee@127.0.0.1:5080 (the SIPp UAS), same load for both.
#
#   bench/sip-bench.sh [rate=1000] [seconds=60] [findmax rates...]
#
# 1. starts vpbx on PostgreSQL (database vpbx_sipbench, SIP udp 127.0.0.1:5090) and provisions it through the
#    admin API: a carrier trunk for 127.0.0.1, the 1,000 numbers bought by one account, compliance confirmed,
#    forwarded to the UAS in one bulk change;
# 2. Kamailio (1 worker, udp 127.0.0.1:5070): one run at RATE for SECONDS;
# 3. vpbx: a warm-up run (JIT), then the same run;
# 4. with findmax rates: find-max for both.
# Env: VPBX_JAVA_OPTS (default -Xms512m -Xmx512m), JAR (default server/target/vpbx.jar), JFR=file to profile the run.
# Everything on 127.0.0.1, bounded in time and count; what this script starts it stops by pid.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RATE=${1:-1000}
SECONDS_PER_RUN=${2:-60}
shift $(( $# > 2 ? 2 : $# )) || true
FINDMAX_RATES=("$@")
HARNESS=${SIPBENCH:-$ROOT/../shared/sipbench}
ADMIN_PORT=18081
SIP_PORT=5090
KAM_PORT=5070
DB=vpbx_sipbench
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$ADMIN_PORT
export UAC_PORT=5062
export RESULTS=$ROOT/bench/results-sip.log

[ -d "$HARNESS" ] || { echo "no SIPp harness at $HARNESS (set SIPBENCH)" >&2; exit 2; }
bin/ensure-postgres
bin/ensure-sipp
command -v kamailio >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kamailio >/dev/null; }
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
JAR=${JAR:-server/target/vpbx.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
(cd "$HARNESS" && ./gen-data.sh >/dev/null)

java ${VPBX_JAVA_OPTS:--Xms512m -Xmx512m} -Xlog:gc:file=bench/results-sip-gc.log -jar "$JAR" --admin.host=127.0.0.1 --admin.port=$ADMIN_PORT \
  --sip.host=127.0.0.1 --sip.port=$SIP_PORT --sip.per-source.rate=0 \
  --db.url=jdbc:postgresql://127.0.0.1:5432/$DB --db.user=postgres --operator.key=$KEY \
  --admin.rate-limit.per-second=1000000 --admin.rate-limit.burst=1000000 > bench/results-sip-server.log 2>&1 &
VPBX=$!
KAM=""
cleanup() {
  kill "$VPBX" 2>/dev/null || true
  [ -n "$KAM" ] && (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null 2>&1 || true)
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs $API/health/ready >/dev/null 2>&1 && break; sleep 0.5; done

post() { curl -fsS -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H "Idempotency-Key: ${4:-none-$RANDOM$RANDOM}" "$API$2" -d "$3"; }
echo "== provisioning 1,000 numbers"
ACME=$(post $KEY /v1/accounts '{"name":"Bench"}' | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
post $KEY /v1/catalog/ranges '{"country":"RU","type":"city","region":"495","first":"+74951234000","last":"+74951234999"}' >/dev/null
post $KEY /v1/trunks '{"name":"bench-carrier","source_addresses":["127.0.0.1"]}' >/dev/null
for block in $(seq 0 9); do
  list=$(for i in $(seq 0 99); do printf '"+74951234%03d",' $((block * 100 + i)); done)
  rid=$(post "$ACME" /v1/reservations "{\"numbers\":[${list%,}]}" | sed -E 's/.*"id":"([^"]+)".*/\1/' | head -c 36)
  post "$ACME" /v1/numbers "{\"reservation_id\":\"$rid\"}" "bench-$block" >/dev/null
done
for i in $(seq 0 999); do
  n=$(printf '+74951234%03d' "$i")
  post $KEY /v1/registry-requests/self-submissions "{\"number\":\"$n\",\"end_user\":{\"kind\":\"person\",\"relation\":\"employee\",
    \"jurisdiction\":\"RU\",\"full_name\":\"Bench User $i\",\"birth_date\":\"1990-02-03\",\"address\":\"Moscow\",
    \"contact_phone\":\"+79160000000\",\"document\":{\"type\":\"ru_internal_passport\",\"number\":\"$(printf '9204 %06d' "$i")\"}}}" >/dev/null
done
post "$ACME" /v1/numbers/bulk '{"filter":{"contains":"4951234"},"set":{"forwarding":{"target":{"type":"external_pbx","uris":["sip:callee@127.0.0.1:5080"]},"ring_timeout":30}}}' >/dev/null
echo "provisioned"

cd "$HARNESS"
UAC_PORT=$UAC_PORT ./smoke.sh $SIP_PORT

echo "== Kamailio, ${RATE} calls/s for ${SECONDS_PER_RUN}s"
KAM=$(kamailio/kam.sh start 1)
PROXY_PID=$KAM LABEL=kamailio ./sip-bench.sh $KAM_PORT "$RATE" "$SECONDS_PER_RUN" | grep RESULT
if [ ${#FINDMAX_RATES[@]} -gt 0 ]; then
  PROXY_PID=$KAM LABEL=kamailio ./find-max.sh $KAM_PORT "${FINDMAX_RATES[@]}" | tail -3
fi
kamailio/kam.sh stop >/dev/null; KAM=""

echo "== vpbx, warm-up then ${RATE} calls/s for ${SECONDS_PER_RUN}s"
PROXY_PID=$VPBX LABEL=vpbx-warmup ./sip-bench.sh $SIP_PORT "$RATE" 20 | grep RESULT
sleep 35   # let the warm-up's transactions end (Timer K/D) before measuring
[ -n "${JFR:-}" ] && jcmd $VPBX JFR.start name=bench settings=profile filename="$JFR" >/dev/null   # JFR=/tmp/x.jfr: profile the run
PROXY_PID=$VPBX LABEL=vpbx ./sip-bench.sh $SIP_PORT "$RATE" "$SECONDS_PER_RUN" | grep RESULT
[ -n "${JFR:-}" ] && jcmd $VPBX JFR.stop name=bench >/dev/null
if [ ${#FINDMAX_RATES[@]} -gt 0 ]; then
  PROXY_PID=$VPBX LABEL=vpbx ./find-max.sh $SIP_PORT "${FINDMAX_RATES[@]}" | tail -3
fi
echo "vpbx_rss_kb=$(ps -o rss= -p $VPBX) heap: $(jcmd $VPBX GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ')"
# where the server's CPU went over its whole life (provisioning and warm-up included), by thread name
echo "vpbx threads by CPU (whole run):"
hz=$(getconf CLK_TCK)
for t in /proc/$VPBX/task/*; do
  stat=$(cat "$t/stat"); rest=${stat##*) }
  set -- $rest
  echo "${12} ${13} $(tr ' ' '_' < "$t/comm" | sed 's/[#0-9]*$//')"
done | awk -v hz="$hz" '{u[$3]+=$1; s[$3]+=$2} END {for (n in u) printf "  %8.2f s (user %.2f, system %.2f) %s\n", (u[n]+s[n])/hz, u[n]/hz, s[n]/hz, n}' \
  | sort -rn | head -12
