package io.vpbx.sip.transaction;

/** A stand-in for the wire layer's message: the view plus a label to assert on. */
record TestMessage(
        boolean isRequest,
        String method,
        int statusCode,
        String topViaBranch,
        String topViaSentBy,
        String cseqMethod,
        String label) implements SipMessageView {

    static final String BRANCH = "z9hG4bK-1";
    static final String SENT_BY = "10.0.0.1:5060";

    static TestMessage request(String method) {
        return request(method, BRANCH, SENT_BY);
    }

    static TestMessage request(String method, String branch, String sentBy) {
        return new TestMessage(true, method, 0, branch, sentBy, method, method);
    }

    static TestMessage response(int status, TestMessage request) {
        return new TestMessage(false, request.method(), status, request.topViaBranch(), request.topViaSentBy(),
                request.method(), status + " " + request.method());
    }

    static TestMessage ackFor(TestMessage invite, TestMessage response) {
        return new TestMessage(true, "ACK", 0, invite.topViaBranch(), invite.topViaSentBy(), "ACK",
                "ACK " + response.statusCode());
    }

    static TestMessage tryingFor(TestMessage invite) {
        return response(100, invite);
    }
}
