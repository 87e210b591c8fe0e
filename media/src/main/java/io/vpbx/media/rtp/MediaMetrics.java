package io.vpbx.media.rtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** The media counters every session shares (Micrometer counters are safe from any event loop). */
public final class MediaMetrics {

    private final Counter sent;
    private final Counter received;
    private final Counter lost;
    private final Counter late;
    private final Counter reportsSent;
    private final Counter reportsReceived;
    private final Counter reportsRelayed;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    public MediaMetrics(MeterRegistry registry) {
        sent = Counter.builder("vpbx.media.rtp.sent").description("RTP packets sent").register(registry);
        received = Counter.builder("vpbx.media.rtp.received").description("RTP packets accepted")
                .register(registry);
        lost = Counter.builder("vpbx.media.rtp.lost")
                .description("RTP packets never received (sequence gaps), counted when a session closes")
                .register(registry);
        late = Counter.builder("vpbx.media.rtp.late")
                .description("RTP packets that arrived after their place in a recording was written")
                .register(registry);
        reportsSent = Counter.builder("vpbx.media.rtcp.sent").description("RTCP sender reports sent")
                .register(registry);
        reportsReceived = Counter.builder("vpbx.media.rtcp.received").description("RTCP packets received")
                .register(registry);
        reportsRelayed = Counter.builder("vpbx.media.rtcp.relayed")
                .description("RTCP compounds a bridged leg heard, translated and sent on to the other leg").register(registry);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder("vpbx.media.dropped").tag("reason", reason.tag())
                    .description("received datagrams thrown away").register(registry));
        }
    }

    public void sent() {
        sent.increment();
    }

    public void received() {
        received.increment();
    }

    public void lost(long packets) {
        if (packets > 0) {
            lost.increment(packets);
        }
    }

    public void late() {
        late.increment();
    }

    public void reportSent() {
        reportsSent.increment();
    }

    public void reportRelayed() {
        reportsRelayed.increment();
    }

    public void reportsReceived(int packets) {
        reportsReceived.increment(packets);
    }

    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }
}
