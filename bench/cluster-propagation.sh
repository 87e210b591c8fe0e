#!/usr/bin/env bash
# How long an admin change made through one node takes to reach another node's routing table
# (io.vpbx.server.ClusterPropagationBench): two whole servers on a fresh schema of the PostgreSQL at
# VPBX_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test), forwarding changes through node A's API,
# node B following the audit log every cluster.poll-interval. Not a test; run by hand, figures go to
# bench/RESULTS.md. Bounded: about changes x interval (60 s with the defaults), at most 10 s per change.
#
#   bench/cluster-propagation.sh [changes=60] [server flags, e.g. --cluster.poll-interval=250ms]
#   bench/cluster-propagation.sh 60 --cluster.notify=false    # polling only (NOTIFY is on by default)
#
# Env: BUILD_DIR (default target; e.g. target-feed2 for a second build in the same tree).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk # a JDK 25+ for ./mvnw and java
BUILD_DIR=${BUILD_DIR:-target}
# compiled in the reactor, nothing installed: the server's test classpath names the other modules' build folders
CP_FILE=$(pwd)/server/$BUILD_DIR/bench-classpath.txt
./mvnw -q -B -ntp -o -Dvpbx.build.dir="$BUILD_DIR" -pl server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP=server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")
exec java -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" io.vpbx.server.ClusterPropagationBench "$@"
