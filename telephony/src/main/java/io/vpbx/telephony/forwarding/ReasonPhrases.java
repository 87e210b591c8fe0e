package io.vpbx.telephony.forwarding;

/** RFC 3261 reason phrases for the final responses a fallback may hang up with. */
final class ReasonPhrases {
    private ReasonPhrases() {
    }

    static String of(int code) {
        return switch (code) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 480 -> "Temporarily Unavailable";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 500 -> "Server Internal Error";
            case 503 -> "Service Unavailable";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            case 604 -> "Does Not Exist Anywhere";
            default -> code < 500 ? "Request Failed" : code < 600 ? "Server Error" : "Global Failure";
        };
    }
}
