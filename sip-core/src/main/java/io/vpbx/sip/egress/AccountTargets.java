package io.vpbx.sip.egress;

import io.vpbx.sip.wire.IpLiteral;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The check the SIP side makes, after its own lookup, before it contacts a next hop an account named (an external
 * PBX, a third-party registrar): the host was checked when it was saved, but a name can resolve elsewhere since.
 * An IP literal is decided at once; a name needs {@link #check}'s blocking lookup, off the event loop.
 *
 * @param policy which addresses accounts may not reach
 * @param resolver the lookup names go through (the system's; a test's own)
 */
public record AccountTargets(PrivateTargets policy, HostResolver resolver) {

    /** No private range allowed, names resolved by the system. */
    public static AccountTargets strict() {
        return new AccountTargets(new PrivateTargets(List.of()), HostResolver.system());
    }

    /** The decision for an IP literal (brackets allowed), or empty for a name, which needs {@link #check}. */
    public Optional<PrivateTargets.Decision> literal(String host) {
        InetAddress address = IpLiteral.parse(host);
        if (address == null) {
            return Optional.empty();
        }
        return Optional.of(policy.refusal(address)
                .<PrivateTargets.Decision>map(why -> new PrivateTargets.Decision.Refused(address, why))
                .orElseGet(() -> new PrivateTargets.Decision.Allowed(List.of(address))));
    }

    /** Blocking for a name: resolves it and decides. */
    public PrivateTargets.Decision check(String host) {
        return literal(host).orElseGet(() -> policy.check(host, resolver));
    }
}
