package io.vpbx.admin.domain.lifecycle;

/** What the SIP core may do with a number's calls, and why not when it may not. */
public record CallPermissions(boolean inbound, boolean outbound, String reason) {
}
