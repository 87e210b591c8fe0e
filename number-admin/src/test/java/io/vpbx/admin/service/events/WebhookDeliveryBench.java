package io.vpbx.admin.service.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deliveries per second with {@code subscriptions} webhooks (each subscribed to call.ended) and a receiver on
 * 127.0.0.1 that takes {@code delayMs} to answer: {@code events} events are committed (each one delivery per
 * subscription), then the worker (webhooks.concurrency per subscription, webhooks.max-in-flight in all) sends them.
 * Not a test; run by bench/webhook-delivery-bench.sh.
 *
 * <p>Arguments: events (200), subscriptions (100), receiver delay ms (50), concurrency (4), max in flight (256), database
 * (h2 or postgresql).
 */
public final class WebhookDeliveryBench {
    private WebhookDeliveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = arg(args, 0, 200);
        int subscriptions = arg(args, 1, 100);
        int delayMs = arg(args, 2, 50);
        int concurrency = arg(args, 3, 4);
        int maxInFlight = arg(args, 4, 256);
        String kind = args.length > 5 ? args[5] : "h2";
        try (WebhookTestBed bed = new WebhookTestBed(kind, concurrency);
             Receiver receiver = new Receiver(n -> 200, Duration.ofMillis(delayMs))) {
            bed.worker.close();
            bed.worker = bed.worker(WebhookTestBed.targets(WebhookTestBed.LOOPBACK), concurrency, maxInFlight);
            List<String> hooks = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                WebhookService.WithSecret made = bed.webhooks.create(bed.acme, new WebhookService.Draft(receiver.url("/h" + i),
                        List.of("call.ended"), true, null));
                hooks.add(made.webhook().id());
                receiver.secret = made.secret(); // signatures are checked against the last one only: most count as invalid (401)
            }
            // every receiver answers 200 whatever the signature: the bench measures delivery, not the receiver's check
            receiver.secret = null;
            long commitStart = System.nanoTime();
            for (int e = 0; e < events; e++) {
                int n = e;
                bed.db.database().inTransaction(tx -> {
                    bed.outbox.record(tx, new NewEvent("acc-1", EventType.CALL_ENDED, Instant.now(),
                            JsonNodeFactory.instance.objectNode().put("n", n)));
                    return null;
                });
            }
            double commitSeconds = (System.nanoTime() - commitStart) / 1e9;
            long total = (long) events * subscriptions;
            long start = System.nanoTime();
            bed.worker.start();
            long sent = 0;
            while (sent < total && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(250);
                sent = bed.db.database().inTransaction(tx -> {
                    try (var st = tx.connection().prepareStatement("SELECT COUNT(*) FROM webhook_deliveries WHERE state <> ?")) {
                        st.setString(1, DeliveryState.QUEUED.wireName());
                        try (var rs = st.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("events %d x subscriptions %d = %d deliveries, receiver %d ms, concurrency %d, max in flight %d, %s%n",
                    events, subscriptions, total, delayMs, concurrency, maxInFlight, kind);
            System.out.printf("committed %d events (with their deliveries) in %.2f s: %.0f events/s%n", events, commitSeconds,
                    events / commitSeconds);
            System.out.printf("settled %d deliveries in %.2f s: %.0f deliveries/s (%.1f events/s to all subscriptions); "
                    + "receiver took %d requests, at most %d at once%n", sent, seconds, sent / seconds, sent / seconds / subscriptions,
                    receiver.requests.size(), receiver.maxInFlight.get());
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
