package io.vpbx.admin.api;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code field} names the offending input field, {@code errors} lists the
 * items that stand in the way of a 409; both are extension members.
 */
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<String> errors, String requestId) {
}
