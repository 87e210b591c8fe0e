#!/usr/bin/env bash
# Admin API benchmark on PostgreSQL (not a test; run by hand, figures go to bench/RESULTS.md):
#  1. import 1,000,000 numbers in one range request (timed);
#  2. catalog search by region + category + mask under wrk (latency percentiles);
#  3. GET /v1/numbers/{number} under wrk (requests/s).
# Everything on 127.0.0.1, bounded in time; the server it starts is stopped by its pid.
# Usage: bench/admin-bench.sh [seconds-per-wrk-run=20] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
PORT=18080
DB=vpbx_bench
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bin/ensure-postgres
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
[ -f server/target/vpbx.jar ] || ./mvnw -q -B -ntp -DskipTests package

java -Xmx1g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar server/target/vpbx.jar --admin.host=127.0.0.1 --admin.port=$PORT --sip.host=127.0.0.1 --sip.port=15060 \
  --db.url=jdbc:postgresql://127.0.0.1:5432/$DB --db.user=postgres --db.pool-size=16 --operator.key=$KEY \
  --admin.rate-limit.per-second=1000000 --admin.rate-limit.burst=1000000 > bench/results-admin-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs $API/health/ready >/dev/null 2>&1 && break; sleep 0.5; done

ACCOUNT=$(curl -fs -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $API/v1/accounts -d '{"name":"Bench"}')
ACME=$(echo "$ACCOUNT" | sed -E 's/.*"api_key":"([^"]+)".*/\1/')

echo "== import of 1,000,000 numbers (+74950000000..+74950999999) in one request"
start=$(date +%s.%N)
curl -fs -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $API/v1/catalog/ranges \
  -d '{"country":"RU","type":"city","region":"495","first":"+74950000000","last":"+74950999999"}'
end=$(date +%s.%N)
echo; echo "import_seconds=$(echo "$end - $start" | bc)"
# What autovacuum does shortly after a bulk insert: statistics and the visibility map (index-only scans).
psql -h 127.0.0.1 -U postgres -d $DB -qc "VACUUM ANALYZE numbers"

RES=$(curl -fs -H "Authorization: Bearer $ACME" -H 'Content-Type: application/json' $API/v1/reservations -d '{"numbers":["+74950123456"]}')
RID=$(echo "$RES" | sed -E 's/.*"id":"([^"]+)".*/\1/' | head -c 36)
curl -fs -o /dev/null -H "Authorization: Bearer $ACME" -H 'Idempotency-Key: bench-1' -H 'Content-Type: application/json' \
  $API/v1/numbers -d "{\"reservation_id\":\"$RID\"}"

cat > bench/search.lua <<LUA
local queries = {
  "/v1/catalog/numbers?country=RU&region=495&category=gold&mask=495****777",
  "/v1/catalog/numbers?country=RU&region=4950&category=silver&mask=4950**88**",
  "/v1/catalog/numbers?country=RU&region=495&category=bronze&mask=495*1**000",
  "/v1/catalog/numbers?country=RU&region=49505&category=regular&mask=49505*12**",
  "/v1/catalog/numbers?country=RU&region=495&category=platinum,diamond",
  "/v1/catalog/numbers?country=RU&region=495&category=gold&ends_with=77&sort=price",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1], {["Authorization"] = "Bearer $ACME"})
end
LUA
echo "== catalog search: region + category + mask, 4 connections (below saturation), ${SECONDS_PER_RUN}s"
wrk -t2 -c4 -d"${SECONDS_PER_RUN}s" --latency -s bench/search.lua $API
echo "== catalog search: region + category + mask, $CONNECTIONS connections, ${SECONDS_PER_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/search.lua $API
echo "== GET /v1/numbers/+74950123456, $CONNECTIONS connections, ${SECONDS_PER_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $ACME" "$API/v1/numbers/%2B74950123456"
echo "server_cpu_seconds=$(ps -o cputimes= -p $SERVER 2>/dev/null || echo n/a) server_rss_kb=$(ps -o rss= -p $SERVER)"
