#!/usr/bin/env bash
# How fast an admin change reaches the SIP core's routing table: N forwarding changes through the API,
# then the server's own timer vpbx_routing_propagation (commit -> entry replaced) from /metrics.
# Starts its own server on 127.0.0.1:18081 with a throwaway H2 database, stops it by pid.
# Usage: bench/routing-propagation.sh [changes=300]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
N=${1:-300}
PORT=18081
KEY=bench-operator-key-0123456789abcdef
API=http://127.0.0.1:$PORT
DATA=$(mktemp -d)
[ -f server/target/vpbx.jar ] || ./mvnw -q -B -ntp -DskipTests package
java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar server/target/vpbx.jar --admin.host=127.0.0.1 --admin.port=$PORT --sip.host=127.0.0.1 --sip.port=15061 \
  --data.dir="$DATA" --operator.key=$KEY --admin.rate-limit.per-second=100000 --admin.rate-limit.burst=100000 \
  > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -fs $API/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
ACME=$(curl -fs -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $API/v1/accounts -d '{"name":"Bench"}' \
  | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
curl -fs -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $API/v1/catalog/ranges \
  -d '{"country":"RU","type":"city","region":"495","first":"+74950000000","last":"+74950000009"}'
curl -fs -o /dev/null -H "Authorization: Bearer $ACME" -H 'Content-Type: application/json' $API/v1/reservations -d '{"numbers":["+74950000001"]}'
curl -fs -o /dev/null -H "Authorization: Bearer $ACME" -H 'Content-Type: application/json' -H 'Idempotency-Key: b1' $API/v1/numbers -d '{"numbers":["+74950000001"]}'
start=$(date +%s.%N)
for i in $(seq 1 "$N"); do
  curl -fs -o /dev/null -X PATCH -H "Authorization: Bearer $ACME" -H 'Content-Type: application/json' "$API/v1/numbers/%2B74950000001" \
    -d "{\"forwarding\":{\"target\":{\"type\":\"external_number\",\"number\":\"+7916$(printf '%07d' "$i")\"}}}"
done
end=$(date +%s.%N)
echo "changes=$N api_seconds=$(echo "$end - $start" | bc)"
curl -fs $API/metrics | grep -E '^vpbx_routing_propagation_seconds_(count|sum|max)'
