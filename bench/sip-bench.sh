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
# Env: REGISTER_RATE=r (and REG_SECONDS, default 20): also REGISTER throughput, Kamailio vs vpbx with digest.
# Env: SKIP_KAMAILIO=1 measures vpbx alone (compare with a Kamailio run of the same session).
# Env: VPBX_JAVA_OPTS (default -Xms512m -Xmx512m), JAR (default server/target/vpbx.jar), JFR=file to profile the run.
# Env: SYSCALLS=1 counts the proxies' system calls during the measured runs (perf stat on the syscall tracepoints,
#   per thread for vpbx, per process for Kamailio) and prints them per call (bench/results-syscalls-*.log).
# Everything on 127.0.0.1, bounded in time and count; what this script starts it stops by pid.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
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
JAR=${JAR:-server/target/vpbx.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
(cd "$HARNESS" && ./gen-data.sh >/dev/null)
. bench/vpbx-bench-server.sh
start_vpbx
KAM=""
cleanup() {
  kill "$VPBX" 2>/dev/null || true
  [ -n "$KAM" ] && (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null 2>&1 || true)
}
trap cleanup EXIT
provision_vpbx
echo "provisioned"

cd "$HARNESS"
UAC_PORT=$UAC_PORT ./smoke.sh $SIP_PORT

# SYSCALLS=1: system calls of PIDS (comma-separated) for SECONDS_PER_RUN, counted in the background while a run goes
SYSCALL_EVENTS=raw_syscalls:sys_enter
for call in epoll_wait epoll_pwait recvmsg recvmmsg recvfrom sendmsg sendmmsg sendto read write timerfd_settime futex; do
  SYSCALL_EVENTS+=",syscalls:sys_enter_$call"
done
count_syscalls() {  # label pids
  [ -n "${SYSCALLS:-}" ] || return 0
  perf stat -x, --per-thread -e "$SYSCALL_EVENTS" -p "$2" -o "$ROOT/bench/results-syscalls-$1.log" -- sleep "$SECONDS_PER_RUN" \
    >/dev/null 2>&1 &
  SYSCALL_COUNTER=$!
}
report_syscalls() {  # label; calls per second: per call = count / (rate * seconds)
  [ -n "${SYSCALLS:-}" ] || return 0
  wait "$SYSCALL_COUNTER" || true
  echo "system calls per call, $1 (threads by name; from $ROOT/bench/results-syscalls-$1.log):"
  awk -F, -v calls=$((RATE * SECONDS_PER_RUN)) '$1 ~ /-[0-9]+$/ && $2 ~ /^[0-9]+$/ {
      name = $1; sub(/-[0-9]+$/, "", name); gsub(/[0-9]+$/, "", name); ev = $4; sub(/.*sys_enter_?/, "", ev); if (ev == "") ev = "all"
      n[name "|" ev] += $2; names[name] = 1; evs[ev] = 1 }
    END { for (t in names) { line = sprintf("  %-24s", t); total = n[t "|all"] / calls
            if (total < 0.05) continue
            for (e in evs) if (n[t "|" e] / calls >= 0.005) line = line sprintf(" %s=%.2f", e, n[t "|" e] / calls)
            print line } }' "$ROOT/bench/results-syscalls-$1.log" | sort
}

if [ -z "${SKIP_KAMAILIO:-}" ]; then
echo "== Kamailio, ${RATE} calls/s for ${SECONDS_PER_RUN}s"
KAM=$(kamailio/kam.sh start 1)
count_syscalls kamailio "$KAM,$(pgrep -d, -P "$KAM")"
PROXY_PID=$KAM LABEL=kamailio ./sip-bench.sh $KAM_PORT "$RATE" "$SECONDS_PER_RUN" | grep RESULT
report_syscalls kamailio
if [ ${#FINDMAX_RATES[@]} -gt 0 ]; then
  PROXY_PID=$KAM LABEL=kamailio ./find-max.sh $KAM_PORT "${FINDMAX_RATES[@]}" | tail -3
fi
kamailio/kam.sh stop >/dev/null; KAM=""
fi

echo "== vpbx, warm-up then ${RATE} calls/s for ${SECONDS_PER_RUN}s"
PROXY_PID=$VPBX LABEL=vpbx-warmup ./sip-bench.sh $SIP_PORT "$RATE" 20 | grep RESULT
sleep 35   # let the warm-up's transactions end (Timer K/D) before measuring
[ -n "${JFR:-}" ] && jcmd $VPBX JFR.start name=bench settings=profile filename="$JFR" >/dev/null   # JFR=/tmp/x.jfr: profile the run
count_syscalls vpbx "$VPBX"
PROXY_PID=$VPBX LABEL=vpbx ./sip-bench.sh $SIP_PORT "$RATE" "$SECONDS_PER_RUN" | grep RESULT
report_syscalls vpbx
[ -n "${JFR:-}" ] && jcmd $VPBX JFR.stop name=bench >/dev/null
if [ ${#FINDMAX_RATES[@]} -gt 0 ]; then
  PROXY_PID=$VPBX LABEL=vpbx ./find-max.sh $SIP_PORT "${FINDMAX_RATES[@]}" | tail -3
fi
if [ -n "${REGISTER_RATE:-}" ]; then
  # REGISTER throughput: Kamailio's registrar without authentication (the shared harness), vpbx with digest
  # (two transactions per registration), same rate and count
  REG_SECONDS=${REG_SECONDS:-20}
  KAM=$(kamailio/kam.sh start 1)
  MODE=register PROXY_PID=$KAM LABEL=kamailio-register ./sip-bench.sh $KAM_PORT "$REGISTER_RATE" "$REG_SECONDS" | grep RESULT
  kamailio/kam.sh stop >/dev/null; KAM=""
  # SIPp cannot take a per-call digest username from an injection file ([authentication username=[field0]] does not
  # nest), so REG_PHONES SIPp processes run side by side, each one employee's phone re-registering (new Call-ID)
  reg=$(mktemp -d)
  REG_PHONES=${REG_PHONES:-10}
  per=$((REGISTER_RATE / REG_PHONES)); count=$((per * REG_SECONDS)); total=$((count * REG_PHONES))
  cpu0=$(awk '{print $14 + $15}' /proc/$VPBX/stat)
  start=$(date +%s.%N)
  pids=()
  for k in $(seq 0 $((REG_PHONES - 1))); do
    user="user$((100000 + k))"
    timeout $((REG_SECONDS + 30)) sipp 127.0.0.1:$SIP_PORT -sf "$ROOT/bench/sipp/uac-register-auth.xml" -s "$user" -au "$user" \
      -ap bench-password-1 -i 127.0.0.1 -p $((UAC_PORT + 100 + k)) -r "$per" -m "$count" -timeout $((REG_SECONDS + 20))s \
      -recv_timeout 8000 -nostdin -trace_stat -stf "$reg/stat-$k.csv" -trace_err -error_file "$reg/errors-$k.log" \
      > "$reg/out-$k.txt" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  end=$(date +%s.%N)
  cpu1=$(awk '{print $14 + $15}' /proc/$VPBX/stat)
  col() { awk -F';' -v n="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==n) c=i; next} {v=$c} END{print (c && v!="") ? v : 0}' "$2"; }
  ok=0; failed=0
  for k in $(seq 0 $((REG_PHONES - 1))); do
    ok=$((ok + $(col 'SuccessfulCall(C)' "$reg/stat-$k.csv"))); failed=$((failed + $(col 'FailedCall(C)' "$reg/stat-$k.csv")))
  done
  echo "RESULT label=vpbx-register-digest offered_rps=$((per * REG_PHONES)) registrations=$total ok=$ok failed=$failed" \
    "wall_s=$(echo "$end - $start" | bc | cut -c1-6) proxy_cpu_s=$(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc -l | cut -c1-6)" \
    "proxy_cpu_s_per_1k=$(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK) * 1000 / $total" | bc -l | cut -c1-6)"
  [ "$failed" = 0 ] && rm -rf "$reg" || echo "register run kept in $reg"
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
