package io.vpbx.sip.uas;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.media.Recording;
import io.vpbx.telephony.scenario.Step;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answering legs' meters: calls vpbx answered itself by fallback kind, calls it could not answer (488 no
 * common codec, 503 no RTP port, 480 clip gone), voicemails kept by how recording ended or discarded as too short,
 * and the steps scenarios entered by kind.
 */
final class AnsweringMetrics {
    static final String ANSWERED = "vpbx.sip.answered.locally";
    static final String NOT_ANSWERED = "vpbx.sip.answered.locally.refused";

    private final Counter voiceMessages;
    private final Counter voicemails;
    private final Counter scenarios;
    private final Counter incompatible;
    private final Counter noPort;
    private final Counter clipGone;
    private final Counter discarded;
    private final Counter acksRepeated;
    private final Map<Recording.Ended, Counter> kept = new EnumMap<>(Recording.Ended.class);
    private final Map<Class<?>, Counter> steps = new HashMap<>();

    AnsweringMetrics(MeterRegistry registry) {
        voiceMessages = Counter.builder(ANSWERED).description("calls vpbx answered itself, by fallback")
                .tag("kind", "voice_message").register(registry);
        voicemails = Counter.builder(ANSWERED).description("calls vpbx answered itself, by fallback")
                .tag("kind", "voicemail").register(registry);
        scenarios = Counter.builder(ANSWERED).description("calls vpbx answered itself, by fallback")
                .tag("kind", "scenario").register(registry);
        incompatible = refused(registry, "488");
        noPort = refused(registry, "503");
        clipGone = refused(registry, "480");
        acksRepeated = Counter.builder("vpbx.sip.bridge.acks.repeated")
                .description("ACKs sent again for a forward's callee repeating its 2xx (our ACK was lost)").register(registry);
        discarded = Counter.builder("vpbx.voicemail.discarded").description("voicemails shorter than voicemail.min-length")
                .register(registry);
        for (Recording.Ended ended : Recording.Ended.values()) {
            kept.put(ended, Counter.builder("vpbx.voicemail.recorded").description("voicemails kept, by how recording ended")
                    .tag("ended", ended.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        stepCounter(registry, Step.Play.class, "play");
        stepCounter(registry, Step.Menu.class, "menu");
        stepCounter(registry, Step.Collect.class, "collect");
        stepCounter(registry, Step.TimeCondition.class, "time_condition");
        stepCounter(registry, Step.Forward.class, "forward");
        stepCounter(registry, Step.Voicemail.class, "voicemail");
        stepCounter(registry, Step.Hangup.class, "hangup");
    }

    private void stepCounter(MeterRegistry registry, Class<? extends Step> kind, String name) {
        steps.put(kind, Counter.builder("vpbx.scenario.steps").description("steps entered by scenarios, by kind")
                .tag("kind", name).register(registry));
    }

    private static Counter refused(MeterRegistry registry, String status) {
        return Counter.builder(NOT_ANSWERED).description("calls a fallback would have answered here, refused instead")
                .tag("status", status).register(registry);
    }

    /** {@code kind}: "voice_message", "voicemail" or "scenario". */
    void answered(String kind) {
        ("voicemail".equals(kind) ? voicemails : "scenario".equals(kind) ? scenarios : voiceMessages).increment();
    }

    void ackRepeated() {
        acksRepeated.increment();
    }

    void incompatible() {
        incompatible.increment();
    }

    void noPort() {
        noPort.increment();
    }

    void clipGone() {
        clipGone.increment();
    }

    void voicemailDiscarded() {
        discarded.increment();
    }

    void voicemailKept(Recording.Ended ended) {
        kept.get(ended).increment();
    }

    /** A scenario entered this step. */
    void scenarioStep(Step step) {
        steps.get(step.getClass()).increment();
    }
}
