package io.vpbx.sip.uas;

import io.vpbx.media.MediaSession;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Destination;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scenario's {@code forward} step: vpbx has answered the caller and now calls {@code target}, bridging the two
 * when the target answers. Implemented by the bridge (issue 13, "scenario-bridge"); the scenario runtime only calls
 * it. Called on the SIP event loop; {@code done} must be called exactly once, on the SIP event loop.
 */
public interface ScenarioForwarding {

    /**
     * Rings {@code request.target()} for at most {@code request.ringTimeout()}. {@code done} gets
     * {@link ForwardOutcome.Bridged} once the bridged call has ended (the script then ends the caller's call), or
     * {@link ForwardOutcome.NotAnswered} when nobody answered, the target was busy or could not be called (the
     * script goes on to the step's {@code no_answer}).
     */
    Forwarding forward(BridgeRequest request, Consumer<ForwardOutcome> done);

    /** One forward in progress. */
    interface Forwarding {
        /** The caller left or the leg ends: cancel the ringing or hang up the bridged callee; {@code done} still follows. */
        void stop();
    }

    /**
     * What the bridge needs of the answered caller.
     *
     * @param invite      the caller's INVITE (Call-ID, From, To, Contact, Record-Route of the caller's dialog)
     * @param localTag    vpbx's To tag in the caller's dialog
     * @param call        the account, number and caller the call record names
     * @param media       the caller's media session at vpbx (already connected to the caller's RTP)
     * @param target      where to forward
     * @param ringTimeout how long the target may ring
     */
    record BridgeRequest(WireMessage invite, String localTag, AnsweredCall call, MediaSession media, Destination target,
                         Duration ringTimeout) {
        public BridgeRequest {
            Objects.requireNonNull(invite, "invite");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(ringTimeout, "ringTimeout");
        }
    }

    /** How a forward ended. */
    sealed interface ForwardOutcome {
        /** The target answered and was bridged; reported when the bridged call has ended. {@code reached}: who answered (URI or number). */
        record Bridged(String reached) implements ForwardOutcome {
        }

        /** Not answered, busy or failed: {@code sipCode} the best final status seen (0 when none), {@code why} short text. */
        record NotAnswered(int sipCode, String why) implements ForwardOutcome {
        }
    }

    /**
     * No forwarding, where no bridge was handed in (a {@link LocalAnswering} without the proxy's): every forward
     * reports "not answered" at once, so a scenario goes on to its {@code no_answer} step.
     */
    static ScenarioForwarding unavailable() {
        return (request, done) -> {
            done.accept(new ForwardOutcome.NotAnswered(0, "no_bridge"));
            return () -> { };
        };
    }
}
