package io.vpbx.sip;

import java.util.Objects;

/** What {@link StatelessResponder} decided about one received message. */
public sealed interface Outcome permits Outcome.Reply, Outcome.NoReply, Outcome.Drop {

    /** Send these bytes back to the sender. */
    record Reply(int status, String reasonPhrase, byte[] bytes) implements Outcome {

        public Reply {
            Objects.requireNonNull(reasonPhrase, "reasonPhrase");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Nothing to send, and nothing wrong: an ACK, a keep-alive. */
    record NoReply(String why) implements Outcome {
    }

    /** Nothing to send, because the message could not or must not be answered. */
    record Drop(DropReason reason, String detail) implements Outcome {

        public Drop {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
