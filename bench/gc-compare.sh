#!/usr/bin/env bash
# Latency tails by garbage collector, beside Kamailio, in one run (not a test; run by hand on a quiet machine,
# figures go to bench/RESULTS.md). Uses the shared SIPp harness (../shared/sipbench, read-only: copied to a
# private directory first) and bench/vpbx-bench-server.sh.
#
#   bench/gc-compare.sh [seconds=60] [rates="1000 5000"]
#
# 1. Kamailio (1 worker, udp 127.0.0.1:$KAM_PORT): one run per rate;
# 2. for each JVM configuration of CONFIGS (default: the old setting, then G1 and Generational ZGC on JDK 25 at two
#    heap sizes; about 4 minutes each with 60 s runs): vpbx started
#    on PostgreSQL (database vpbx_gccompare, provisioned through the admin API by the first JVM, reused by the
#    next), a warm-up run (JIT) at the first rate, then one run per rate, COOLDOWN_S between runs so that the
#    previous run's transactions have ended (Timer J/K: 32 s);
# 3. a table ready for bench/RESULTS.md: calls, failed, p50/p99/max INVITE->200, CPU per 1,000 calls (server
#    process and its threads: GC and JIT included) and the ratio to Kamailio's at the same rate, GC pauses and
#    ZGC allocation stalls during the run (from the JVM's own log), the live heap right after the last rate's run
#    (a full GC by GC.class_histogram: the transactions of the last 32 s), RSS; and other_cpu_s (CPU used by neither
#    the server nor SIPp: a large value marks a noisy run);
# 4. with ALLOC_S > 0 (default 30), after the runs of the first configuration on JAVA: one more run at the first rate under a
#    JFR recording, and bytes allocated per call by thread, site and class (bench/JfrAllocation.java).
#
# Env: JAVA (default: the JDK 25+ bin/find-jdk picks, which also builds the jar), JAR (server/target/vpbx.jar, built
#      if missing), COMMON_OPTS (default "-XX:+AlwaysPreTouch -XX:+UseCompactObjectHeaders"), CONFIGS (lines
#      "label=JVM options", or "label=@/path/to/java options" for another JDK without COMMON_OPTS; "jar=/path" among
#      the options runs that build instead of JAR (the code before a change, built on its own JDK); "vpbx:--key=value"
#      among them is a vpbx setting for that configuration (e.g. vpbx:--sip.io-engine=epoll); default: the
#      old setting (JDK 17, G1, 512m) when JDK 17 is installed, then on JAVA: G1 512m, G1 1g, G1 1g with
#      MaxGCPauseMillis=10, ZGC 512m, ZGC 1g; a configuration that does not start is left out), WARMUP_S (20),
#      COOLDOWN_S (35), ALLOC_S (30, 0: no allocation profile), SKIP_KAMAILIO=1, SIPBENCH (harness directory),
#      ports KAM_PORT (5070) SIP_PORT (5090) ADMIN_PORT (18081) UAS_PORT (5080) UAC_PORT (5062), KEEP_DB=1 (start
#      on the database a previous run provisioned, with the same UAS_PORT: saves the minutes of provisioning).
# CPU by thread: for each measured run of vpbx, /proc/<pid>/task/*/stat before and after gives the CPU seconds per
#   1,000 calls of the SIP event loop (user and system apart), the collector's threads (ZGC's Z*, G1's, the VM
#   thread), the JIT compilers, the call-record writer and the rest; printed as a second table. The load average at
#   the start of each run is printed beside it (other helpers compiling on the machine show there).
# Output: RESULT lines as the harness prints them, then the table; everything is kept in bench/results-gc-compare/
#   (RESULT lines, table.md, one GC log and one server log per configuration, alloc-*.jfr and alloc-*.txt).
# Bounds: every SIPp run is bounded by the harness (-m, its own -timeout, an outer timeout); each JVM runs under
# `timeout` (JVM_LIFETIME_S, default 1800) and Kamailio under its own (KAM_LIFETIME_S). Only 127.0.0.1 is loaded;
# what this script starts it stops by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_RUN=${1:-60}
read -r -a RATES <<< "${2:-1000 5000}"
[[ $SECONDS_PER_RUN =~ ^[0-9]+$ ]] || { sed -n '2,27p' "$0" >&2; exit 2; }
HARNESS_SRC=${SIPBENCH:-$ROOT/../shared/sipbench}
[ -d "$HARNESS_SRC" ] || HARNESS_SRC=/work/shared/sipbench
[ -d "$HARNESS_SRC" ] || { echo "no SIPp harness (set SIPBENCH)" >&2; exit 2; }
ADMIN_PORT=${ADMIN_PORT:-18081}
SIP_PORT=${SIP_PORT:-5090}
KAM_PORT=${KAM_PORT:-5070}
export UAS_PORT=${UAS_PORT:-5080} UAC_PORT=${UAC_PORT:-5062} KAM_PORT
DB=${DB:-vpbx_gccompare}
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$ADMIN_PORT
WARMUP_S=${WARMUP_S:-20}
ALLOC_S=${ALLOC_S:-30}
REUSE_DB=${KEEP_DB:-0}
COOLDOWN_S=${COOLDOWN_S:-35}
COMMON_OPTS=${COMMON_OPTS:-"-XX:+AlwaysPreTouch -XX:+UseCompactObjectHeaders"}
# First the setting bench/sip-bench.sh has run vpbx with so far (JDK 17's default G1, 512 MB), when that JDK is here
# and the jar still runs on it. 512 MB is the heap cap of the earlier SIP targets; at 5,000 calls/s a call's
# transactions live 32 s (Timer J/K), so the live set is about five times that of 1,000/s (63 MB): 1 GB shows what
# headroom buys each collector. G1 with a pause goal of 10 ms (default 200 ms) trades throughput for shorter pauses.
JDK17=$(ls -d /usr/lib/jvm/java-17-openjdk*/bin/java 2>/dev/null | head -1 || true)
CONFIGS=${CONFIGS:-"${JDK17:+before-jdk17-g1-512m=@$JDK17 -Xms512m -Xmx512m
}g1-512m=-XX:+UseG1GC -Xms512m -Xmx512m
g1-1g=-XX:+UseG1GC -Xms1g -Xmx1g
g1-1g-pause10=-XX:+UseG1GC -Xms1g -Xmx1g -XX:MaxGCPauseMillis=10
zgc-512m=-XX:+UseZGC -Xms512m -Xmx512m
zgc-1g=-XX:+UseZGC -Xms1g -Xmx1g"}
. bin/find-jdk # a JDK 25+ for ./mvnw; JAVA may name another JDK for the server (a JDK 17 for an old build)
JAVA=${JAVA:-$JAVA_HOME/bin/java}
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
JAR=${JAR:-server/target/vpbx.jar}
OUT=$ROOT/bench/results-gc-compare
mkdir -p "$OUT"
export RESULTS=$OUT/results.log

bin/ensure-postgres
bin/ensure-sipp
command -v kamailio >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kamailio >/dev/null; }
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
"$JAVA" -version 2>&1 | head -1

work=$(mktemp -d /tmp/gc-compare.XXXXXX)
cp -r "$HARNESS_SRC" "$work/sipbench" && chmod -R u+w "$work/sipbench"
HARNESS=$work/sipbench
: > "$work/rows"; : > "$work/rss"
export KAM_RUNDIR=$work/kam
(cd "$HARNESS" && ./gen-data.sh >/dev/null)

. bench/vpbx-bench-server.sh
VPBX=""; JVM_PID=""; KAM=""
stop_vpbx() {  # VPBX is the `timeout` wrapping the JVM (TERM reaches the JVM through it), JVM_PID the JVM
  [ -n "$VPBX" ] || return 0
  kill -TERM "$VPBX" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$VPBX" 2>/dev/null || break; sleep 0.2; done
  for p in $JVM_PID $VPBX; do kill -KILL "$p" 2>/dev/null || true; done
  wait "$VPBX" 2>/dev/null || true
  VPBX=""; JVM_PID=""
}
cleanup() {
  stop_vpbx
  [ -n "$KAM" ] && (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null 2>&1 || true)
  [ -d "$HARNESS/results/raw" ] && mkdir -p "$OUT/raw" && cp -r "$HARNESS/results/raw/." "$OUT/raw/" \
    && echo "raw files of runs with failures: $OUT/raw"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# one harness run; appends "label|rate|RESULT line|GC figures" to $work/rows
run() {  # label rate seconds pid port [gc figures]
  local line
  line=$(cd "$HARNESS" && PROXY_PID=$4 LABEL=$1 ./sip-bench.sh "$5" "$2" "$3" | grep '^RESULT' || true)
  echo "${line:-sip-bench: no RESULT line}"
  echo "$1|$2|${line:-RESULT failed=all}|${6:-}" >> "$work/rows"
}

if [ -z "${SKIP_KAMAILIO:-}" ]; then
  KAM=$(cd "$HARNESS" && kamailio/kam.sh start 1)
  for rate in "${RATES[@]}"; do
    echo "== Kamailio, $rate calls/s for ${SECONDS_PER_RUN}s"
    run kamailio "$rate" "$SECONDS_PER_RUN" "$KAM" "$KAM_PORT"
    sleep 5
  done
  (cd "$HARNESS" && kamailio/kam.sh stop >/dev/null); KAM=""
fi

# GC pauses (count, total ms, max ms) and allocation stalls in GC log lines $2.. of file $1: G1 logs
# "Pause Young (Normal) ... 3.456ms", ZGC "y: Pause Mark Start 0.012ms" and "Allocation Stall (thread) 5.2ms"
gc_between() {
  tail -n +"$2" "$1" | awk '
    /Allocation Stall \(/ { stalls++; v = $NF; sub(/ms$/, "", v); stall_ms += v; next }
    /Pause/ && $NF ~ /^[0-9.]+ms$/ { v = $NF; sub(/ms$/, "", v); n++; t += v; if (v > m) m = v }
    END { printf "pauses=%d pause_total_ms=%.1f pause_max_ms=%.2f stalls=%d stall_ms=%.1f", n, t, m, stalls, stall_ms }'
}

# CPU ticks of the JVM's threads by kind: "loop_user loop_system gc jit cdr other" (stat fields 14 and 15; the name in
# parentheses may hold spaces, so fields are counted after the last ')')
thread_ticks() {
  for t in /proc/"$1"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    printf '%s\t%s\n' "$(cat "$t/comm" 2>/dev/null)" "${stat##*) }"
  done | awk -F'\t' '{
      split($2, f, " "); u = f[12]; s = f[13]; name = $1
      if (name ~ /^vpbx-sip-[0-9]/) { lu += u; ls += s }
      else if (name ~ /^(Z|G1 |GC Thread|VM Thread|RuntimeWorker)/) gc += u + s
      else if (name ~ /^C[12] CompilerThre/) jit += u + s
      else if (name ~ /^vpbx-cdr/) cdr += u + s
      else other += u + s
    } END { printf "%d %d %d %d %d %d", lu, ls, gc, jit, cdr, other }'
}
thread_cpu_per_1k() {  # label rate "ticks before" "ticks after" calls
  local hz; hz=$(getconf CLK_TCK)
  awk -v label="$1" -v rate="$2" -v a="$3" -v b="$4" -v calls="$5" -v hz="$hz" -v loadavg="$6" 'BEGIN {
      split(a, x, " "); split(b, y, " "); k = (calls > 0 ? calls : 1) / 1000
      for (i = 1; i <= 6; i++) d[i] = (y[i] - x[i]) / hz / k
      printf "| %s | %s/s | %.3f / %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %s |\n", label, rate, d[1], d[2], d[3], d[4], d[5], d[6],
        d[1] + d[2] + d[3] + d[4] + d[5] + d[6], loadavg }' >> "$work/threads"
}
: > "$work/threads"

provisioned=$REUSE_DB
while IFS= read -r config; do
  [ -n "$config" ] || continue
  label=${config%%=*}; opts=${config#*=}
  java_cmd=$JAVA; jvm_opts="$COMMON_OPTS $opts"
  if [[ $opts == @* ]]; then   # "@/path/to/java options": that JDK, these options alone
    read -r java_cmd jvm_opts <<< "${opts#@}"
  fi
  config_jar=$JAR   # "jar=/path/vpbx.jar" among the options: that build (e.g. the code before a change)
  if [[ " $jvm_opts " =~ \ jar=([^ ]+)\  ]]; then
    config_jar=${BASH_REMATCH[1]}; jvm_opts=${jvm_opts/jar=$config_jar/}
  fi
  vpbx_args=()   # "vpbx:--key=value" among the options: a vpbx setting for this configuration (e.g. sip.io-engine)
  for word in $jvm_opts; do
    [[ $word == vpbx:* ]] && vpbx_args+=("${word#vpbx:}") && jvm_opts=${jvm_opts/$word/}
  done
  NETTY_OPTS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  "$java_cmd" -version 2>&1 | head -1 | grep -q '"17\.' && NETTY_OPTS=""   # JDK 17 knows neither flag
  echo "== vpbx $label: $java_cmd $jvm_opts"
  [ "$provisioned" = 1 ] && KEEP_DB=1 || KEEP_DB=0
  # plain shell variables for start_vpbx, not exported: vpbx refuses VPBX_* environment variables it does not know
  GC_LOG=$OUT/gc-$label.log; SERVER_LOG=$OUT/server-$label.log; VPBX_JAVA_OPTS=$jvm_opts
  JAVA_CMD=$JAVA; JAVA="timeout -s TERM ${JVM_LIFETIME_S:-1800} $java_cmd"; JAR_ALL=$JAR; JAR=$config_jar
  start_vpbx "${vpbx_args[@]}"
  JAVA=$JAVA_CMD; JAR=$JAR_ALL
  JVM_PID=$(pgrep -P "$VPBX" java || echo "$VPBX")
  if ! curl -fs "$API/health/ready" >/dev/null; then
    echo "vpbx $label did not start (left out):" >&2; tail -5 "$OUT/server-$label.log" >&2
    stop_vpbx
    continue
  fi
  [ "$provisioned" = 1 ] || provision_vpbx
  provisioned=1
  (cd "$HARNESS" && ./smoke.sh "$SIP_PORT") || { echo "vpbx $label failed the smoke test" >&2; exit 1; }
  echo "== vpbx $label, warm-up ${RATES[0]} calls/s for ${WARMUP_S}s"
  (cd "$HARNESS" && PROXY_PID=$VPBX LABEL=vpbx-$label-warmup ./sip-bench.sh "$SIP_PORT" "${RATES[0]}" "$WARMUP_S" | grep '^RESULT' || true)
  for rate in "${RATES[@]}"; do
    sleep "$COOLDOWN_S"   # the last run's transactions end first (Timer J/K)
    echo "== vpbx $label, $rate calls/s for ${SECONDS_PER_RUN}s"
    from=$(($(wc -l < "$OUT/gc-$label.log") + 1))
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    ticks_before=$(thread_ticks "$JVM_PID")
    line=$(cd "$HARNESS" && PROXY_PID=$VPBX LABEL=vpbx-$label ./sip-bench.sh "$SIP_PORT" "$rate" "$SECONDS_PER_RUN" | grep '^RESULT' || true)
    echo "$line"
    thread_cpu_per_1k "vpbx-$label" "$rate" "$ticks_before" "$(thread_ticks "$JVM_PID")" \
      "$(sed -nE 's/.* ok=([0-9]+) .*/\1/p' <<< "$line")" "$load"
    tail -1 "$work/threads"
    echo "vpbx-$label|$rate|${line:-RESULT failed=all}|$(gc_between "$OUT/gc-$label.log" "$from")" >> "$work/rows"
    tail -1 "$work/rows" | cut -d'|' -f4
  done
  live=$("$JDK_BIN/jcmd" "$JVM_PID" GC.class_histogram 2>/dev/null | awk '$1 == "Total" {print int($3 / 1048576)}' || true)
  if [ "$ALLOC_S" -gt 0 ] && [ ! -f "$work/alloc-done" ] && [[ $opts != @* ]]; then
    # where the calls allocate: a JFR recording of one more run at the first rate (not in the table: JFR costs CPU)
    sleep "$COOLDOWN_S"
    echo "== vpbx $label, allocation profile: ${RATES[0]} calls/s for ${ALLOC_S}s under JFR"
    "$JDK_BIN/jfr" configure --input profile jdk.ObjectAllocationSample#throttle=1000/s \
      jdk.ThreadAllocationStatistics#period=1s --output "$work/alloc.jfc" >/dev/null
    "$JDK_BIN/jcmd" "$JVM_PID" JFR.start name=alloc settings="$work/alloc.jfc" filename="$OUT/alloc-$label.jfr" >/dev/null
    line=$(cd "$HARNESS" && PROXY_PID=$VPBX LABEL=vpbx-$label-jfr ./sip-bench.sh "$SIP_PORT" "${RATES[0]}" "$ALLOC_S" | grep '^RESULT' || true)
    "$JDK_BIN/jcmd" "$JVM_PID" JFR.stop name=alloc >/dev/null
    echo "$line"
    calls=$(sed -E 's/.* ok=([0-9]+) .*/\1/' <<< "$line")
    "$JAVA" bench/JfrAllocation.java "$OUT/alloc-$label.jfr" "${calls:-1}" 25 | tee "$OUT/alloc-$label.txt"
    touch "$work/alloc-done"
  fi
  rss=$(ps -o rss= -p "$JVM_PID" 2>/dev/null | tr -d ' ' || echo 0)
  echo "vpbx $label: rss_kb=$rss $("$JDK_BIN/jcmd" "$JVM_PID" GC.heap_info 2>/dev/null | head -2 | tr '\n' ' ' || true)"
  echo "$label|$rss|${live:-?}" >> "$work/rss"
  stop_vpbx
done <<< "$CONFIGS"

# the table: one row per run, ratio of CPU per call to Kamailio's at the same rate
echo
echo "JVM: $("$JAVA" -version 2>&1 | head -1), common options: $COMMON_OPTS"
while IFS= read -r config; do [ -n "$config" ] && echo "  ${config%%=*}: ${config#*=}"; done <<< "$CONFIGS"
echo "(@java: that JDK with the options given, without the common options)"
echo "Server CPU counts every thread of the process (GC and JIT included); other_cpu_s over about 10 % of the run's"
echo "seconds means a noisy machine: repeat."
echo
echo "| run | rate | calls | failed | p50 | p99 | max | CPU per 1,000 calls | ratio to Kamailio | GC pauses: count, total, max | ZGC allocation stalls | live heap after the last rate | RSS | other_cpu_s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|"
awk -F'|' -v rssfile="$work/rss" '
  BEGIN { while ((getline l < rssfile) > 0) { split(l, a, "|"); rss["vpbx-" a[1]] = a[2]; live["vpbx-" a[1]] = a[3] } }
  function field(line, name,   re, m) { re = " " name "=[^ ]*"; if (match(line, re)) { m = substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 2); return m } return "-" }
  {
    label = $1; rate = $2; line = " " $3; gc = " " $4
    cpu = field(line, "proxy_cpu_s_per_1k")
    if (label == "kamailio") kam[rate] = cpu
    ratio = (kam[rate] > 0 && cpu != "-") ? sprintf("%.2fx", cpu / kam[rate]) : "-"
    pauses = label == "kamailio" ? "" : sprintf("%s, %s ms, %s ms", field(gc, "pauses"), field(gc, "pause_total_ms"), field(gc, "pause_max_ms"))
    stalls = label == "kamailio" ? "" : sprintf("%s (%s ms)", field(gc, "stalls"), field(gc, "stall_ms"))
    mem = (label in rss) ? sprintf("%d MB", rss[label] / 1024) : ""
    held = (label in live) ? live[label] " MB" : ""
    printf "| %s | %s/s | %s | %s | %s ms | %s ms | %s ms | %s s | %s | %s | %s | %s | %s | %s |\n", label, rate, field(line, "ok"),
      field(line, "failed"), field(line, "p50_ms"), field(line, "p99_ms"), field(line, "max_ms"), cpu, ratio, pauses, stalls,
      held, mem, field(line, "other_cpu_s")
  }' "$work/rows" | tee "$OUT/table.md"
echo
echo "CPU seconds per 1,000 calls by thread (from /proc/<pid>/task/*/stat over each measured run; load average at its start):"
echo
echo "| run | rate | SIP event loop, user / system | GC threads | JIT compilers | call-record writer | other threads | whole JVM | load average |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
tee "$OUT/threads.md" < "$work/threads"
