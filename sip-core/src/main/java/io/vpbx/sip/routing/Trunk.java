package io.vpbx.sip.routing;

/**
 * A carrier or operator trunk, recognised by its source address. {@code accountId} null: a carrier trunk
 * serving every account's numbers; otherwise the trunk reaches that account's numbers only.
 */
public record Trunk(String name, String sourceAddress, String accountId) {
}
