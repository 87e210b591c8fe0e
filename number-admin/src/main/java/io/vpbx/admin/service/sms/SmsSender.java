package io.vpbx.admin.service.sms;

/** Hands one message to the provider; blocking (the SMS worker's thread). */
@FunctionalInterface
public interface SmsSender {
    /** Returns the provider's message id when it gave one; throws when the provider did not take the message. */
    String send(String toE164, String text) throws SmsFailure;

    /** The provider did not take the message; the reason never carries the text. */
    final class SmsFailure extends Exception {
        public SmsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
