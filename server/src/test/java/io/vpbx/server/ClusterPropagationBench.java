package io.vpbx.server;

import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long an admin change made through node A takes to reach node B's routing table, with B following the
 * audit log on its own schedule (the configured {@code cluster.poll-interval}, 1s by default) and, unless
 * {@code --cluster.notify=false}, woken at once by the audit entry's PostgreSQL notification. Two whole
 * servers on a fresh schema of the real PostgreSQL; each change is a forwarding change through A's API, and
 * the time runs from A's answer until B's table holds the new target. A random pause before each change
 * spreads the changes over B's rounds. Not a test; run by hand (bench/cluster-propagation.sh), figures go to
 * bench/RESULTS.md. Bounded: each change waits at most 10 s for B, and the run takes about changes x interval.
 *
 * <p>Arguments: [changes=60] [extra server flags, e.g. --cluster.poll-interval=250ms].
 */
public final class ClusterPropagationBench {
    private static final String NUMBER = "+74951230001";
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private ClusterPropagationBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> extra = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        String schema = TestDatabases.newPostgresSchema();
        Path dataDir = Files.createTempDirectory("vpbx-cluster-bench");
        VpbxServer a = null;
        VpbxServer b = null;
        try {
            a = node(schema, "node-a", dataDir.resolve("a"), extra);
            b = node(schema, "node-b", dataDir.resolve("b"), extra);
            io.vpbx.config.ClusterConfig cluster = ConfigLoader.load(extra.toArray(String[]::new), Map.of()).cluster();
            long intervalMillis = cluster.pollInterval().toMillis();
            Api api = new Api(a.adminPort());
            String acme = RegistrationFixtures.account(api);
            api.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                    "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
            api.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}");
            api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}", Map.of("Idempotency-Key", "bench"));

            Random random = new Random(42);
            long[] lags = new long[changes];
            long apiNanos = 0;
            int missed = 0;
            for (int i = 0; i < changes; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt((int) Math.max(1, intervalMillis))));
                String target = "+7916" + String.format("%07d", i);
                long sent = System.nanoTime();
                Api.Response answer = api.patch("/v1/numbers/" + NUMBER, acme,
                        "{\"forwarding\":{\"target\":{\"type\":\"external_number\",\"number\":\"" + target + "\"}}}");
                long answered = System.nanoTime();
                if (answer.status() != 200) {
                    throw new IllegalStateException("PATCH answered " + answer.status() + ": " + answer.body());
                }
                apiNanos += answered - sent;
                Target expected = new Target.ExternalNumber(target);
                while (!b.routingTable().number(NUMBER).map(RouteEntry::target).equals(Optional.of(expected))
                        && System.nanoTime() - answered < GIVE_UP_NANOS) {
                    LockSupport.parkNanos(100_000);
                }
                lags[i] = System.nanoTime() - answered;
                if (lags[i] >= GIVE_UP_NANOS) {
                    missed++;
                }
            }
            Arrays.sort(lags);
            System.out.printf("ClusterPropagationBench: %d forwarding changes through node A, node B following every %d ms, "
                    + "LISTEN/NOTIFY %s%n", changes, intervalMillis, cluster.listens() ? "on" : "off");
            System.out.printf("RESULT A's answer -> B's table: mean %.0f ms, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, "
                    + "not there within 10 s: %d; A's API time per change %.1f ms%n", millis(Arrays.stream(lags).sum() / changes),
                    millis(at(lags, 0.50)), millis(at(lags, 0.90)), millis(at(lags, 0.99)), millis(lags[changes - 1]), missed,
                    millis(apiNanos / changes));
        } finally {
            if (b != null) {
                b.stop();
            }
            if (a != null) {
                a.stop();
            }
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    private static VpbxServer node(String schema, String nodeId, Path dataDir, List<String> extra) {
        List<String> flags = new ArrayList<>(List.of("--admin.host=127.0.0.1", "--admin.port=0", "--sip.host=127.0.0.1",
                "--sip.port=0", "--data.dir=" + dataDir, "--operator.key=" + RunningServer.OPERATOR_KEY,
                "--admin.rate-limit.per-second=10000", "--admin.rate-limit.burst=10000", "--catalog.sweep-interval=1h",
                "--db.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema, "--db.user=" + TestDatabases.PG_USER,
                "--registrar.node-id=" + nodeId));
        flags.addAll(extra);
        VpbxServer server = new VpbxServer(ConfigLoader.load(flags.toArray(String[]::new), Map.of()), Clock.systemUTC());
        server.start();
        return server;
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
