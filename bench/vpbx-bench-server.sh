#!/usr/bin/env bash
# Sourced by the SIP benchmarks (bench/sip-bench.sh, bench/sip-overload.sh): starts vpbx from $JAR for the shared SIPp
# harness and provisions it through the admin API. Reads ROOT-relative paths and ADMIN_PORT, SIP_PORT, DB, KEY, API;
# start_vpbx sets VPBX (the pid, for the caller to stop); extra arguments go to vpbx (e.g. --sip.overload.enabled=false).
# The account limits (toll fraud, catalog hoarding) are raised far above the load: the benchmark measures the proxy.
# KEEP_DB=1: start on the database as the last run left it (already provisioned) instead of a new one.
# NETTY_OPTS (default: Netty's native access and Unsafe allowed, as bin/vpbx does; empty for a JDK 17).
# JAVA (default: java on the PATH; may carry a prefix such as `timeout 3600 java`), GC_LOG (file for -Xlog:gc*),
# SERVER_LOG and UAS_PORT (5080: where the numbers forward to) let bench/gc-compare.sh pick the JDK, keep one log per
# JVM and move the ports.

start_vpbx() {
  [ "${KEEP_DB:-0}" = 1 ] || psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  # vpbx reads VPBX_* environment variables as configuration and refuses unknown ones: VPBX_JAVA_OPTS is ours
  env -u VPBX_JAVA_OPTS ${JAVA:-java} ${VPBX_JAVA_OPTS:--Xms512m -Xmx512m} -Xlog:gc*:file=${GC_LOG:-bench/results-sip-gc.log} ${NETTY_OPTS---enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow} -jar "$JAR" --admin.host=127.0.0.1 --admin.port=$ADMIN_PORT \
    --sip.host=127.0.0.1 --sip.port=$SIP_PORT --sip.per-source.rate=0 --security.allowed-private-targets=127.0.0.0/8 --registrar.digest-algorithms=MD5 \
    --db.url=jdbc:postgresql://127.0.0.1:5432/$DB --db.user=postgres --operator.key=$KEY \
    --admin.rate-limit.per-second=1000000 --admin.rate-limit.burst=1000000 \
    --limits.max-reserved-numbers=100000 --limits.purchases-per-hour=100000 --limits.purchases-per-day=100000 \
    --limits.concurrent-calls=1000000 --limits.calls-per-minute=100000000 "$@" > "${SERVER_LOG:-bench/results-sip-server.log}" 2>&1 &
  VPBX=$!
  for _ in $(seq 1 240); do curl -fs $API/health/ready >/dev/null 2>&1 && break; kill -0 $VPBX 2>/dev/null || break; sleep 0.5; done
}

# A carrier trunk for 127.0.0.1 and the 1,000 numbers of the harness bought by one account, compliance confirmed,
# forwarded to the UAS (sip:callee@127.0.0.1:$UAS_PORT, default 5080) in one bulk change; REG_USERS employees for the registrar run.
provision_vpbx() {
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
  post "$ACME" /v1/numbers/bulk '{"filter":{"contains":"4951234"},"set":{"forwarding":{"target":{"type":"external_pbx","uris":["sip:callee@127.0.0.1:'"${UAS_PORT:-5080}"'"]},"ring_timeout":30}}}' >/dev/null
  # employees for the registrar run: user100000.. with one password (SIPp answers MD5 challenges only)
  REG_USERS=${REG_USERS:-10}
  for i in $(seq 0 $((REG_USERS - 1))); do
    post "$ACME" /v1/employees "{\"name\":\"Bench $i\",\"extension\":\"$((2000 + i))\",\"sip_username\":\"user$((100000 + i))\",\"sip_password\":\"bench-password-1\"}" >/dev/null
  done
}
