package io.vpbx.sip.overload;

/** Where overload control stands; the ordinal is the value of the {@code vpbx.sip.overload.state} gauge. */
public enum OverloadState {
    /** Every new call is admitted. */
    NORMAL,
    /** New calls beyond the admitted share are answered 503 with Retry-After. */
    REJECTING,
    /** New calls beyond the admitted share are dropped before they are parsed: even a 503 costs too much. */
    DROPPING
}
