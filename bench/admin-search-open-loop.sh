#!/usr/bin/env bash
# Catalog search latency at a fixed request rate on PostgreSQL with 1,000,000 numbers (not a test; run by hand on a
# quiet machine, figures go to bench/RESULTS.md). Open loop (bench/OpenLoop.java, wrk2-style): requests leave on a
# fixed schedule and latency runs from each request's due time, so a stall of the server is not hidden.
#
#   bench/admin-search-open-loop.sh [seconds=30] [rates="200 500"] [connections=4]
#
# 1. a fresh database vpbx_search_openloop (KEEP_DB=1: reuse the one the last run loaded, skips the import);
# 2. vpbx on 127.0.0.1:$PORT, 1,000,000 numbers imported in one range request (timed), VACUUM ANALYZE (what
#    autovacuum does after a bulk insert: statistics and the visibility map for index-only scans), one number bought;
# 3. the six query shapes of bench/admin-bench.sh in rotation (region + category + mask, two categories, ends_with
#    sorted by price): a warm-up at the first rate, then for each rate SECONDS at that rate on CONNECTIONS
#    keep-alive connections;
# 4. one OPENLOOP line per rate and a table: p50/p90/p99/p99.9/max from the due time, service p99 (from the actual
#    send), requests, errors.
# Env: JAVA (default: the JDK 25+ bin/find-jdk picks, which also builds the jar), JAR (server/target/vpbx.jar), JVM_OPTS
#      ("-Xms1g -Xmx1g -XX:+AlwaysPreTouch"), PORT (18080), DB, WARMUP_S (15), KEEP_DB=1.
# Everything on 127.0.0.1; the load is bounded by rate x seconds requests per step; the server runs under
# `timeout` (JVM_LIFETIME_S, 1800) and is stopped by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
read -r -a RATES <<< "${2:-200 500}"
CONNECTIONS=${3:-4}
PORT=${PORT:-18080}
DB=${DB:-vpbx_search_openloop}
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$PORT
WARMUP_S=${WARMUP_S:-15}
# the server as bin/vpbx runs it (ADR 0016): ZGC, 1 GB, and the flags Netty needs on JDK 25
JVM_OPTS=${JVM_OPTS:-"-XX:+UseZGC -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"}
. bin/find-jdk # a JDK 25+ for ./mvnw; JAVA may name another JDK for the server (a JDK 17 for an old build)
JAVA=${JAVA:-$JAVA_HOME/bin/java}
JAR=${JAR:-server/target/vpbx.jar}
OUT=bench/results-admin-search
mkdir -p "$OUT"

bin/ensure-postgres
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
fresh=1
if [ "${KEEP_DB:-0}" = 1 ] && psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM numbers" 2>/dev/null | grep -qx 1000000; then
  fresh=0
else
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

timeout -s TERM "${JVM_LIFETIME_S:-1800}" "$JAVA" $JVM_OPTS -Xlog:gc*:file=$OUT/gc.log -jar "$JAR" \
  --admin.host=127.0.0.1 --admin.port=$PORT --sip.host=127.0.0.1 --sip.port=$((PORT - 3000)) \
  --db.url=jdbc:postgresql://127.0.0.1:5432/$DB --db.user=postgres --db.pool-size=16 --operator.key=$KEY \
  --admin.rate-limit.per-second=1000000 --admin.rate-limit.burst=1000000 \
  --limits.max-reserved-numbers=100000 > $OUT/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs $API/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs $API/health/ready >/dev/null || { echo "server did not start:" >&2; tail -20 $OUT/server.log >&2; exit 1; }
"$JAVA" -version 2>&1 | head -1

post() { curl -fsS -H "Authorization: Bearer $1" -H 'Content-Type: application/json' ${3:+-H "Idempotency-Key: $3"} "$API$2" -d @-; }
ACME=$(echo '{"name":"Bench"}' | post $KEY /v1/accounts | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
if [ $fresh = 1 ]; then
  echo "== import of 1,000,000 numbers (+74950000000..+74950999999) in one request"
  start=$(date +%s.%N)
  echo '{"country":"RU","type":"city","region":"495","first":"+74950000000","last":"+74950999999"}' | post $KEY /v1/catalog/ranges
  echo; echo "import_seconds=$(echo "$(date +%s.%N) - $start" | bc)"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM ANALYZE numbers"
  RID=$(echo '{"numbers":["+74950123456"]}' | post "$ACME" /v1/reservations | sed -E 's/.*"id":"([^"]+)".*/\1/' | head -c 36)
  echo "{\"reservation_id\":\"$RID\"}" | post "$ACME" /v1/numbers bench-1 >/dev/null
fi

cat > $OUT/paths.txt <<'PATHS'
/v1/catalog/numbers?country=RU&region=495&category=gold&mask=495****777
/v1/catalog/numbers?country=RU&region=4950&category=silver&mask=4950**88**
/v1/catalog/numbers?country=RU&region=495&category=bronze&mask=495*1**000
/v1/catalog/numbers?country=RU&region=49505&category=regular&mask=49505*12**
/v1/catalog/numbers?country=RU&region=495&category=platinum,diamond
/v1/catalog/numbers?country=RU&region=495&category=gold&ends_with=77&sort=price
PATHS
openloop() {  # rate seconds warmup
  timeout -s TERM $(($2 + $3 + 60)) "$JAVA" bench/OpenLoop.java --url $API --rate "$1" --connections "$CONNECTIONS" \
    --duration "$2" --warmup "$3" --header "Authorization: Bearer $ACME" --paths-file $OUT/paths.txt
}
echo "== warm-up: ${RATES[0]} req/s for ${WARMUP_S}s"
openloop "${RATES[0]}" "$WARMUP_S" 0 | sed 's/^OPENLOOP/warm-up/'
: > $OUT/lines
for rate in "${RATES[@]}"; do
  echo "== catalog search, $rate req/s on $CONNECTIONS connections for ${SECONDS_PER_RUN}s (open loop)"
  cpu0=$(awk '{print $14 + $15}' /proc/$(pgrep -P $SERVER java || echo $SERVER)/stat)
  line=$(openloop "$rate" "$SECONDS_PER_RUN" 5)
  cpu1=$(awk '{print $14 + $15}' /proc/$(pgrep -P $SERVER java || echo $SERVER)/stat)
  line="$line server_cpu_ms_per_request=$(echo "scale=3; ($cpu1 - $cpu0) * 1000 / $(getconf CLK_TCK) / ($rate * ($SECONDS_PER_RUN + 5))" | bc)"
  echo "$line" | tee -a $OUT/lines
done
echo
echo "JVM: $("$JAVA" -version 2>&1 | head -1) $JVM_OPTS; $CONNECTIONS connections; latency from each request's due time"
echo "| rate | requests | errors / non-2xx | p50 | p90 | p99 | p99.9 | max | service p99 | server CPU per request |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
       printf "| %d/s | %s | %s / %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms |\n", v["rate"], v["sent"],
         v["errors"], v["non_2xx"], v["p50_ms"], v["p90_ms"], v["p99_ms"], v["p999_ms"], v["max_ms"], v["service_p99_ms"],
         v["server_cpu_ms_per_request"] }' $OUT/lines | tee $OUT/table.md
