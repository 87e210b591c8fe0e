package io.vpbx.sip.proxy;

/** What a step of the proxy's script did with a request. */
enum StepOutcome {
    /** Answered, relayed or handed to a session: the script ends here. */
    HANDLED,
    /** Not this step's business: the next step reads it. */
    CONTINUE
}
