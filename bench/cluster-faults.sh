#!/usr/bin/env bash
# Faults of issue 15 on the bin/cluster topology (2 vpbx nodes on one PostgreSQL, Kamailio's dispatcher in front),
# with SIPp as the carrier (calls into the dispatcher) and as the customer's PBX and phone (answering). Not a test
# (minutes, and a load on the machine); figures go to bench/RESULTS.md. Bounded: every SIPp run has a call count
# and a timeout, and everything started here is stopped by pid (bin/cluster down, SIPp by its own pid).
#
#   bench/cluster-faults.sh [rate=100] [seconds=40]
#
#   1. load: `rate` calls/s for `seconds` through the dispatcher to a number forwarded to the PBX; node1 is
#      killed (SIGKILL) at a third of the run. Reported: calls made and failed (share), how long until the
#      dispatcher marked node1 down, and the calls that failed after that (should be none).
#   2. a phone registered directly with node1 before the kill is called through the dispatcher (node2 only).
#   4. node1 started again after the SIGKILL: seconds until ready and until the dispatcher sends it calls; a
#      call through node1 alone reaches the phone (its binding and the number's forwarding came back from the
#      database). Then a graceful stop under load: node2 gets SIGTERM at a third of a second run; every call
#      should succeed (the drain), and node2 is started again.
#   capacity: FAULTS_CAPACITY_RATE (200) calls/s for 20 s with one node in the set and then with two; calls/s
#      completed (FAULTS_CAPACITY=0 skips it).
#
# Env: as bin/cluster (CLUSTER_DIR, CLUSTER_SIP_PORT, CLUSTER_ADMIN_PORT, CLUSTER_DISPATCHER_PORT, BUILD_DIR, ...);
# FAULTS_FRESH=1 (default) drops and recreates the cluster's database first; SIPp's ports: PBX_PORT (25090),
# PHONE_PORT (25091), CARRIER_PORT (25092).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bin/find-jdk
RATE=${1:-100}
SECONDS_RUN=${2:-40}
DIR=${CLUSTER_DIR:-$ROOT/data/cluster}
ADMIN_PORT=${CLUSTER_ADMIN_PORT:-8080}
SIP_PORT=${CLUSTER_SIP_PORT:-5060}
DISPATCHER=${CLUSTER_DISPATCHER_IP:-127.0.0.1}:${CLUSTER_DISPATCHER_PORT:-5060}
DB=${CLUSTER_DB:-vpbx_cluster}
DB_USER=${CLUSTER_DB_USER:-postgres}
KEY=${VPBX_OPERATOR_KEY:-cluster-lab-operator-key-0123456789}
PBX_PORT=${PBX_PORT:-25090}
PHONE_PORT=${PHONE_PORT:-25091}
CARRIER_PORT=${CARRIER_PORT:-25092}
CAPACITY_RATE=${FAULTS_CAPACITY_RATE:-200}
SCENARIOS=$ROOT/server/src/test/resources/sipp
OUT=$DIR/faults-$(date +%Y%m%d-%H%M%S)
API1=http://127.0.0.2:$ADMIN_PORT
LOAD_NUMBER=+74951230001
PHONE_NUMBER=+74951230002
SIPP_PIDS=()

cleanup() {
  for pid in "${SIPP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  bin/cluster down >/dev/null 2>&1 || true
}
trap cleanup EXIT

say() { echo "faults: $*" | tee -a "$OUT/summary.txt" >&2; }
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

api() { # method path key [body] -> body; fails on a status >= 400
  curl -sf -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -H "Idempotency-Key: faults-$RANDOM$RANDOM" \
    "$API1$2" ${4:+-d "$4"}
}

# SIPp answers digest challenges with MD5 only; one account carries the whole load, so its call limits are lifted
export CLUSTER_NODE_FLAGS="${CLUSTER_NODE_FLAGS:-} --registrar.digest-algorithms=MD5 --limits.concurrent-calls=1000000
  --limits.calls-per-minute=100000000"
mkdir -p "$DIR"
if [ "${FAULTS_FRESH:-1}" = 1 ]; then
  bin/cluster down >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
  rm -rf "$DIR"/node*
fi
mkdir -p "$OUT"
bin/cluster up 2 2>>"$OUT/cluster.log"

# ---- what the calls need: a carrier trunk (the dispatcher's address), a number to the PBX, a phone's number ----
api POST /v1/catalog/ranges "$KEY" \
  '{"country":"RU","type":"city","region":"495","first":"+74951230000","last":"+74951230009"}' >/dev/null
api POST /v1/trunks "$KEY" '{"name":"dispatcher","source_addresses":["127.0.0.1"]}' >/dev/null
ACME=$(api POST /v1/accounts "$KEY" '{"name":"Bench"}' | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
ANNA=$(api POST /v1/employees "$ACME" \
  '{"name":"anna","extension":"101","sip_username":"anna","sip_password":"correct horse battery"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
passport=1
for number in $LOAD_NUMBER $PHONE_NUMBER; do
  api POST /v1/reservations "$ACME" "{\"numbers\":[\"$number\"]}" >/dev/null
  api POST /v1/numbers "$ACME" "{\"numbers\":[\"$number\"]}" >/dev/null
  api POST /v1/registry-requests/self-submissions "$KEY" "{\"number\":\"$number\",\"end_user\":{\"kind\":\"person\",
    \"relation\":\"employee\",\"jurisdiction\":\"RU\",\"full_name\":\"Olga Sidorova\",\"birth_date\":\"1990-02-03\",
    \"address\":\"Kazan\",\"contact_phone\":\"+79162223344\",\"document\":{\"type\":\"ru_internal_passport\",
    \"number\":\"9204 00000$passport\"}}}" >/dev/null
  passport=$((passport + 1))
done
api PATCH "/v1/numbers/%2B${LOAD_NUMBER#+}" "$ACME" \
  "{\"forwarding\":{\"target\":{\"type\":\"external_pbx\",\"uris\":[\"sip:127.0.0.1:$PBX_PORT\"]},\"ring_timeout\":10}}" >/dev/null
api PATCH "/v1/numbers/%2B${PHONE_NUMBER#+}" "$ACME" \
  "{\"forwarding\":{\"target\":{\"type\":\"employee\",\"employee_id\":\"$ANNA\"},\"ring_timeout\":10}}" >/dev/null
sleep 2 # node2 follows the audit log (NOTIFY, else within a second)

# ---- SIPp helpers ----
pbx_start() { # the customer's PBX: answers every call, the caller hangs up
  sipp -sf "$SCENARIOS/uas-answer.xml" -i 127.0.0.1 -p "$PBX_PORT" -nostdin -timeout $((SECONDS_RUN * 3))s >"$OUT/pbx-$1.log" 2>&1 &
  SIPP_PIDS+=($!)
  PBX_PID=$!
}
load() { # name rate seconds -> writes $OUT/<name>.csv, the SIPp statistics every second
  local name=$1 rate=$2 seconds=$3
  sipp "$DISPATCHER" -sf "$SCENARIOS/dispatcher-call.xml" -s "$LOAD_NUMBER" -i 127.0.0.1 -p "$CARRIER_PORT" -r "$rate" -m $((rate * seconds)) \
    -l $((rate * 20)) -recv_timeout 10000 -timeout $((seconds + 40))s -nostdin -trace_stat -stf "$OUT/$name.csv" -fd 1 \
    -trace_err -error_file "$OUT/$name-errors.log" >"$OUT/$name.log" 2>&1 &
  SIPP_PIDS+=($!)
  LOAD_PID=$!
}
# calls whose INVITE got no 200 (the call was lost) and calls answered whose BYE failed, from SIPp's last screen
phases() {
  awk '/INVITE ---------->/ { invites = $3; seen = 0 } /200 <----------/ && !seen { answered = $3; seen = 1 }
    END { print invites - answered }' "$OUT/$1.log"
}
# the last statistics line's cumulative counts: "total successful failed"
counts() {
  awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { total = $col["TotalCallCreated"]; ok = $col["SuccessfulCall(C)"]; failed = $col["FailedCall(C)"] }
    END { print total, ok, failed }' "$OUT/$1.csv"
}
dispatcher_flags() { # the dispatcher's flags for node $1 (AP up, IP down ...)
  curl -sf --max-time 1 -H 'Content-Type: application/json' "http://$DISPATCHER/RPC" \
    -d '{"jsonrpc":"2.0","method":"dispatcher.list","id":1}' | tr -d ' \n\t' \
    | grep -oE "\"URI\":\"sip:127.0.0.$(($1 + 1)):$SIP_PORT\",\"FLAGS\":\"[^\"]*\"" | sed -E 's/.*"FLAGS":"([^"]*)"/\1/'
}
phone_call() { # through $1 (host:port) to the phone's number; 0 when answered
  sipp -sf "$SCENARIOS/uas-answer.xml" -i 127.0.0.1 -p "$PHONE_PORT" -m 1 -nostdin -timeout 20s >"$OUT/phone-$2.log" 2>&1 &
  local phone=$!
  SIPP_PIDS+=($phone)
  sleep 0.3
  local rc=0
  sipp "$1" -sf "$SCENARIOS/call.xml" -s "$PHONE_NUMBER" -i 127.0.0.1 -p "$CARRIER_PORT" -m 1 -recv_timeout 10000 -timeout 20s -nostdin \
    >"$OUT/call-$2.log" 2>&1 || rc=$?
  wait "$phone" 2>/dev/null || true
  return $rc
}

# ---- the phone registers with node1 directly ----
sipp "127.0.0.2:$SIP_PORT" -sf "$SCENARIOS/register.xml" -s anna -au anna -ap 'correct horse battery' -key expires 600 \
  -i 127.0.0.1 -p "$PHONE_PORT" -m 1 -nostdin -timeout 10s >"$OUT/register.log" 2>&1 \
  || { say "the phone could not register with node1 (see $OUT/register.log)"; exit 1; }
say "phone anna registered with node1 (sip 127.0.0.2:$SIP_PORT) from 127.0.0.1:$PHONE_PORT"
sleep 3 # node2 reads the binding (registrar.sync-interval 2s)

# ---- 1. kill -9 node1 under load ----
pbx_start kill
load kill "$RATE" "$SECONDS_RUN"
sleep $((SECONDS_RUN / 3))
killed=$(now)
bin/cluster kill 1 2>>"$OUT/cluster.log"
down_after=timeout
for _ in $(seq 1 100); do
  flags=$(dispatcher_flags 1 || true)
  if [ "${flags:0:1}" = I ]; then down_after=$(elapsed "$killed" "$(now)"); break; fi
  sleep 0.05
done
wait "$LOAD_PID" || true
read -r total ok failed < <(counts kill)
share=$(echo "scale=3; 100 * $failed / ($total + ($total == 0))" | bc)
say "1. load $RATE calls/s for ${SECONDS_RUN}s through the dispatcher, node1 killed (SIGKILL) after $((SECONDS_RUN / 3))s:"
lost=$(phases kill)
say "   calls $total, completed $ok, failed $failed ($share %): $lost never answered, $((failed - lost)) answered but their BYE failed"
say "   the dispatcher marked node1 down ${down_after}s after the kill"
# failures per second around the kill, from the periodic statistics
awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  $col["FailedCall(P)"] > 0 { printf "   second %s: %s failed\n", $col["ElapsedTime(C)"], $col["FailedCall(P)"] }' "$OUT/kill.csv" \
  | tee -a "$OUT/summary.txt" >&2
kill "$PBX_PID" 2>/dev/null || true

# ---- 2. the phone registered through node1 is reachable through the dispatcher (node2) ----
if phone_call "$DISPATCHER" after-kill; then say "2. phone registered with node1 answered a call through the dispatcher after node1 died: yes"
else say "2. phone registered with node1 answered a call through the dispatcher after node1 died: NO (see $OUT/call-after-kill.log)"; fi

# ---- 4. node1 back after SIGKILL ----
started=$(now)
bin/cluster start 1 2>>"$OUT/cluster.log"
ready=$(elapsed "$started" "$(now)")
up_after=timeout
for _ in $(seq 1 100); do
  flags=$(dispatcher_flags 1 || true)
  if [ "${flags:0:1}" = A ]; then up_after=$(elapsed "$started" "$(now)"); break; fi
  sleep 0.05
done
say "4. node1 restarted after SIGKILL: ready after ${ready}s, back in the dispatcher after ${up_after}s"
if phone_call "127.0.0.2:$SIP_PORT" restarted; then say "   a call through node1 alone reached the phone (binding and forwarding from the database): yes"
else say "   a call through node1 alone reached the phone: NO (see $OUT/call-restarted.log)"; fi

# ---- 4b. graceful stop (SIGTERM: drain) of node2 under load ----
pbx_start drain
load drain "$RATE" "$SECONDS_RUN"
sleep $((SECONDS_RUN / 3))
stopping=$(now)
bin/cluster stop 2 2>>"$OUT/cluster.log"
stopped=$(elapsed "$stopping" "$(now)")
wait "$LOAD_PID" || true
read -r total ok failed < <(counts drain)
lost=$(phases drain)
say "4. node2 stopped with SIGTERM under $RATE calls/s (drained in ${stopped}s): calls $total, completed $ok, failed $failed:"
say "   $lost never answered, $((failed - lost)) answered but their BYE failed"
kill "$PBX_PID" 2>/dev/null || true
started=$(now)
bin/cluster start 2 2>>"$OUT/cluster.log"
say "   node2 started again: ready after $(elapsed "$started" "$(now)")s"

# ---- capacity: one node, then two ----
if [ "${FAULTS_CAPACITY:-1}" = 1 ]; then
  bin/cluster stop 2 2>>"$OUT/cluster.log"
  sleep 2
  pbx_start one
  load one "$CAPACITY_RATE" 20
  wait "$LOAD_PID" || true
  read -r total ok failed < <(counts one)
  say "capacity, 1 node: offered $CAPACITY_RATE calls/s for 20s: $ok answered, $failed failed ($(echo "scale=1; $ok / 20" | bc) calls/s)"
  kill "$PBX_PID" 2>/dev/null || true
  bin/cluster start 2 2>>"$OUT/cluster.log"
  sleep 2
  pbx_start two
  load two "$CAPACITY_RATE" 20
  wait "$LOAD_PID" || true
  read -r total ok failed < <(counts two)
  say "capacity, 2 nodes: offered $CAPACITY_RATE calls/s for 20s: $ok answered, $failed failed ($(echo "scale=1; $ok / 20" | bc) calls/s)"
  kill "$PBX_PID" 2>/dev/null || true
fi
say "details in $OUT"
