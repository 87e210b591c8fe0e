#!/usr/bin/env bash
# Webhook deliveries per second: 100 subscriptions, a receiver on 127.0.0.1 answering after 50 ms (issue 16).
# Not a test; run by hand, figures go to bench/RESULTS.md.
#
#   bench/webhook-delivery-bench.sh [events=200] [subscriptions=100] [receiver ms=50] [concurrency=4] [max in flight=256] [h2|postgresql]
#     io.vpbx.admin.service.events.WebhookDeliveryBench: commits the events (one delivery per subscription each), then
#     starts the delivery worker and times until every delivery is settled.
#
# Env: BUILD_DIR (default target), JAVA_OPTS (default -Xms256m -Xmx512m), VPBX_TEST_PG_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am package -DskipTests
CP=number-admin/$BUILD_DIR/test-classes:number-admin/$BUILD_DIR/classes:telephony/$BUILD_DIR/classes:config/$BUILD_DIR/classes:server/$BUILD_DIR/vpbx.jar
OPTS=(${JAVA_OPTS:--Xms256m -Xmx512m})
exec java "${OPTS[@]}" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" io.vpbx.admin.service.events.WebhookDeliveryBench "$@"
