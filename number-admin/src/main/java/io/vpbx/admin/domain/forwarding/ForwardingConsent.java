package io.vpbx.admin.domain.forwarding;

import java.time.Instant;

/**
 * The holder of a number allows another account to forward calls to it (a {@code platform_pbx} target).
 * Without one, another account's forwarding to the number is refused exactly like one to a number that
 * does not exist.
 */
public record ForwardingConsent(String e164, String holderAccountId, String allowedAccountId, Instant grantedAt) {
}
