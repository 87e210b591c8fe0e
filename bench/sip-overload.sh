#!/usr/bin/env bash
# Overload benchmark beside Kamailio (not a test; run by hand, figures go to bench/RESULTS.md).
# Uses the shared SIPp harness ../shared/sipbench (its scenarios, data and kamailio/kam.sh), same load for both.
#
#   bench/sip-overload.sh CAPACITY|find [OVER_SECONDS=20] [AFTER_SECONDS=15] [FACTORS="2 3"]
#
# CAPACITY: calls/s the machine carries cleanly in this session; "find": the harness's find-max on vpbx over
# FINDMAX_RATES (10 s per rate, one repeat) gives it. vpbx is started and provisioned first (bench/vpbx-bench-server.sh).
# ROUNDS (1) times, for each server (Kamailio with 1 worker on udp 127.0.0.1:5070, then vpbx on 5090) and each FACTOR:
#   1. a SIPp UAS answers on 127.0.0.1:5080 (the harness's uas-answer.xml);
#   2. "overload": a SIPp UAC offers FACTOR*CAPACITY calls/s for OVER_SECONDS (harness uac-call.xml, hold 0-200 ms);
#   3. "after": the moment the overload stops creating calls, a second UAC offers CAPACITY/2 calls/s for AFTER_SECONDS.
# Prints one OVERLOAD line per step:
#   goodput_cps     calls/s completed successfully during the overload, from its 5th second to its end (SIPp's
#                   per-second SuccessfulCall), and goodput_pct of CAPACITY;
#   over_ok/over_failed  the overload UAC's calls; after_ok/after_failed the second UAC's;
#   recovered_s     seconds from the fall until every later second of the "after" UAC completed >= 90% of its rate
#                   (0: from the first second; a clean run at that rate gives 0 or 1);
#   proxy_cpu_s     CPU of the server during the step; other_cpu_s  machine CPU used by neither server nor SIPp (noise);
#   rejected/dropped  vpbx's overload counters (503s sent, INVITEs dropped unread) during the step.
# KEEP_DB=1: vpbx on the database the last run provisioned (saves minutes). NOISE_CPU_S: find-max's noise limit.
# COMPARE_OFF=1: at the end, vpbx again on the same database with --sip.overload.enabled=false, same steps.
# Env: SKIP_KAMAILIO=1; COOLDOWN_S (40) between steps; WARMUP_S (15, 0: none) for vpbx's JIT; VPBX_ARGS (extra vpbx flags, e.g. --sip.overload.enabled=false to compare);
#      JAR (server/target/vpbx.jar); RECV_TIMEOUT_MS (8000, a call waiting longer for an answer fails).
# Everything on 127.0.0.1; every SIPp bounded by -m, its own -timeout and an outer timeout; what this script starts it
# stops by pid.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
ROOT=$(pwd)
[ $# -ge 1 ] || { sed -n '2,22p' "$0" >&2; exit 2; }
CAPACITY=$1
OVER_S=${2:-20}
AFTER_S=${3:-15}
FACTORS=${4:-"2 3"}
HARNESS=${SIPBENCH:-$ROOT/../shared/sipbench}
ADMIN_PORT=18081
SIP_PORT=5090
KAM_PORT=5070
UAS_PORT=5080
UAC_PORT=5062
AFTER_PORT=5063
DB=vpbx_sipbench
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$ADMIN_PORT
RECV_TIMEOUT_MS=${RECV_TIMEOUT_MS:-8000}
RESULTS=$ROOT/bench/results-sip-overload.log
JAR=${JAR:-server/target/vpbx.jar}
[ -d "$HARNESS" ] || { echo "no SIPp harness at $HARNESS (set SIPBENCH)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: ./mvnw -q -B -ntp -DskipTests package" >&2; exit 2; }
(cd "$HARNESS" && ./gen-data.sh >/dev/null)

VPBX=""; KAM=""; PIDS=()
work=$(mktemp -d /tmp/sip-overload.XXXXXX)
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  [ -n "$VPBX" ] && kill "$VPBX" 2>/dev/null || true
  [ -n "$KAM" ] && (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null 2>&1 || true)
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

hz=$(getconf CLK_TCK)
ticks() { local t=0 p s; for p in $(pgrep -d' ' -P "$1") "$1"; do s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
  s=${s##*) }; set -- $s; t=$((t + ${12} + ${13})); done; echo "$t"; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
metric() { [ -n "$VPBX" ] && curl -fs "$API/metrics" | awk -v m="$1" '$1 == m {print $2}' | head -1 || echo 0; }

# the harness's call with a short hold, so that a call's success is counted within a second of its answer
sed 's|<pause distribution="uniform" min="[0-9]*" max="[0-9]*"/>|<pause distribution="uniform" min="0" max="200"/>|' \
  "$HARNESS/scenarios/uac-call.xml" > "$work/uac.xml"
common=(-i 127.0.0.1 -nostdin -buff_size 4194304 -max_recv_loops 10000 -max_sched_loops 10000
        -watchdog_major_maxtriggers 1000000 -watchdog_minor_maxtriggers 1000000)

uac() { # name port target rate calls
  local limit=$(( ${4} * 12 + 1000 )) to=$(( ${5} / ${4} + 3 * RECV_TIMEOUT_MS / 1000 + 20 ))
  (cd "$work" && exec timeout -s TERM $((to + 15)) sipp -sf "$work/uac.xml" -inf "$HARNESS/data/dids.csv" -p "$2" \
    "127.0.0.1:$3" "${common[@]}" -r "$4" -rp 1000 -m "$5" -l "$limit" -timeout "${to}s" -timeout_error \
    -recv_timeout "$RECV_TIMEOUT_MS" -trace_stat -stf "$work/$1_stat.csv" -fd 1 > "$work/$1.out" 2>&1) &
}
col() { # column $1 of stat file $2: every row's value after the header
  awk -F';' -v n="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==n) c=i; next} c{print $c+0}' "$2"
}

step() { # label port pid factor
  local label=$1 port=$2 pid=$3 factor=$4
  local high=$((factor * CAPACITY)) low=$((CAPACITY / 2))
  rm -f "$work"/*_stat.csv
  (cd "$work" && exec timeout -s TERM $((OVER_S + AFTER_S + 120)) sipp -sf "$HARNESS/scenarios/uas-answer.xml" \
    -p $UAS_PORT "${common[@]}" -timeout $((OVER_S + AFTER_S + 100))s > "$work/uas.out" 2>&1) &
  local uas=$!; PIDS+=("$uas")
  sleep 1
  local rej0 drop0 p0 b0 t0
  rej0=$(metric vpbx_sip_overload_rejected_total); drop0=$(metric vpbx_sip_overload_dropped_total)
  p0=$(ticks "$pid"); b0=$(busy); t0=$(date +%s.%N)
  uac over $UAC_PORT "$port" "$high" $((high * OVER_S)); local over=$!; PIDS+=("$over")
  sleep "$OVER_S"
  uac after $AFTER_PORT "$port" "$low" $((low * AFTER_S)); local after=$!; PIDS+=("$after")
  wait "$over" || true; wait "$after" || true
  local p1 b1 t1 rej1 drop1
  p1=$(ticks "$pid"); b1=$(busy); t1=$(date +%s.%N)
  rej1=$(metric vpbx_sip_overload_rejected_total); drop1=$(metric vpbx_sip_overload_dropped_total)
  kill -TERM "$uas" 2>/dev/null || true; wait "$uas" 2>/dev/null || true
  local ok_p over_ok over_failed after_ok after_failed goodput recovered
  # per-second successes of the overload from its 5th second to the fall
  goodput=$(col 'SuccessfulCall(P)' "$work/over_stat.csv" | awk -v from=5 -v to="$OVER_S" 'NR>from && NR<=to {s+=$1; n++}
    END {printf "%.0f", n ? s/n : 0}')
  over_ok=$(col 'SuccessfulCall(C)' "$work/over_stat.csv" | tail -1); over_failed=$(col 'FailedCall(C)' "$work/over_stat.csv" | tail -1)
  after_ok=$(col 'SuccessfulCall(C)' "$work/after_stat.csv" | tail -1); after_failed=$(col 'FailedCall(C)' "$work/after_stat.csv" | tail -1)
  # the first second from which every later second of the "after" load completed >= 95% of its rate
  # (the last second is left out: the load stops within it; the first one counts calls answered within it only)
  recovered=$(col 'SuccessfulCall(P)' "$work/after_stat.csv" | head -n $((AFTER_S - 1)) | awk -v r="$low" '
    {v[NR]=$1} END {k=NR+1; for (i=NR; i>=1; i--) { if (v[i] >= 0.9*r) k=i; else break }
    print (k > NR) ? "never" : k-1}')
  local cpu other
  cpu=$(echo "($p1 - $p0) / $hz" | bc -l | cut -c1-6)
  other=$(echo "($b1 - $b0) / $hz - $cpu" | bc -l | cut -c1-6)
  local line="OVERLOAD ts=$(date -u +%Y-%m-%dT%H:%M:%SZ) label=$label capacity_cps=$CAPACITY factor=$factor offered_cps=$high"
  line+=" over_s=$OVER_S goodput_cps=$goodput goodput_pct=$((100 * goodput / CAPACITY)) over_ok=${over_ok:-0}"
  line+=" over_failed=${over_failed:-0} after_cps=$low after_ok=${after_ok:-0} after_failed=${after_failed:-0}"
  line+=" recovered_s=$recovered proxy_cpu_s=$cpu busy_minus_proxy_s=$other"
  line+=" rejected=$(echo "${rej1:-0} - ${rej0:-0}" | bc) dropped=$(echo "${drop1:-0} - ${drop0:-0}" | bc)"
  line+=" wall_s=$(echo "$t1 - $t0" | bc | cut -c1-5)"
  echo "$line"; echo "$line" >> "$RESULTS"
  sleep "${COOLDOWN_S:-40}"   # let the step's transactions end (Timers J, K, D) before the next one
}

warm_up() {   # JIT warm-up at capacity, then its transactions end
  if [ "${WARMUP_S:-15}" -gt 0 ]; then
    (cd "$HARNESS" && UAC_PORT=$UAC_PORT PROXY_PID=$VPBX LABEL=vpbx-overload-warmup RESULTS=$work/warmup.log \
      ./sip-bench.sh $SIP_PORT "$CAPACITY" "${WARMUP_S:-15}" | grep RESULT) || true
    sleep 35
  fi
}

. bench/vpbx-bench-server.sh
start_vpbx
[ "${KEEP_DB:-0}" = 1 ] || provision_vpbx > /dev/null
if [ "$CAPACITY" = find ]; then
  CAPACITY=$(cd "$HARNESS" && DURATION=10 REPEATS=1 NOISE_CPU_S=${NOISE_CPU_S:-1} UAC_PORT=$UAC_PORT PROXY_PID=$VPBX LABEL=vpbx-overload-capacity \
    WARMUP_RATE=1000 WARMUP_S=15 RESULTS=$RESULTS ./find-max.sh $SIP_PORT ${FINDMAX_RATES:-1000 1500 2000 2500 3000 4000} \
    | tee /dev/stderr | sed -nE 's/.*FINDMAX.*max_ok_cps=([0-9]+).*/\1/p' | tail -1)
  [[ $CAPACITY =~ ^[0-9]+$ ]] && [ "$CAPACITY" -gt 0 ] || { echo "find-max found no clean rate" >&2; exit 4; }
  echo "capacity (vpbx find-max, this session): $CAPACITY calls/s"
  sleep 35
else
  warm_up
fi
for round in $(seq 1 "${ROUNDS:-1}"); do
  if [ -z "${SKIP_KAMAILIO:-}" ]; then
    KAM=$(cd "$HARNESS" && kamailio/kam.sh start 1)
    for f in $FACTORS; do step kamailio $KAM_PORT "$KAM" "$f"; done
    (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null); KAM=""
  fi
  for f in $FACTORS; do step vpbx $SIP_PORT "$VPBX" "$f"; done
done
grep -i 'overload control' bench/results-sip-server.log | tail -10 || true
if [ "${COMPARE_OFF:-0}" = 1 ]; then
  kill "$VPBX"; wait "$VPBX" 2>/dev/null || true
  KEEP_DB=1 start_vpbx --sip.overload.enabled=false
  warm_up
  for f in $FACTORS; do step vpbx-overload-off $SIP_PORT "$VPBX" "$f"; done
fi
