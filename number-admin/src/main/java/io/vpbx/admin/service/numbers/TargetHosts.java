package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.forwarding.SipUri;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import io.vpbx.telephony.grammar.SipGrammar;
import java.util.List;

/**
 * Hosts an account gives (a third-party registrar, external PBX URIs) checked when saved: resolved, and refused
 * (422 naming the field) when any address is private, loopback, link-local, multicast, broadcast or otherwise
 * reserved outside the ranges the operator allowed. A name that does not resolve now is accepted: the SIP side checks
 * again after its own lookup before every connection. Blocking: called on a worker, before the transaction, so no
 * database connection waits for DNS. The answer never shows what a name resolved to (the operator's resolver may
 * know internal names).
 */
public final class TargetHosts {
    private static final String ALLOWANCE = "accounts may not send vpbx there (the operator can allow a range in "
            + "security.allowed-private-targets)";

    private final PrivateTargets policy;
    private final HostResolver resolver;

    public TargetHosts(PrivateTargets policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** {@code host}: a name, an IPv4 literal, or an IPv6 literal with or without brackets. */
    public void check(String field, String host) {
        if (policy.check(host, resolver) instanceof PrivateTargets.Decision.Refused refused) {
            boolean literal = SipGrammar.isIpv4(host) || host.indexOf(':') >= 0;
            throw new InvalidFieldException(field, (literal ? host + " is " : "resolves to ") + refused.reason() + "; "
                    + ALLOWANCE);
        }
    }

    /** Every host among the URIs of an external PBX target; other targets name no host. */
    public void check(String field, ForwardingTarget target) {
        if (target instanceof ForwardingTarget.ExternalPbx pbx) {
            List<SipUri> uris = pbx.uris();
            for (int i = 0; i < uris.size(); i++) {
                check(field + ".uris[" + i + "]", uris.get(i).host());
            }
        }
    }

    /** The hosts of a forwarding's target and of its closed-hours target; {@code field} names the forwarding. */
    public void check(String field, Forwarding forwarding) {
        check(field + ".target", forwarding.target());
        if (forwarding.schedule() != null && forwarding.schedule().closedTarget() != null) {
            check(field + ".schedule.closed.target", forwarding.schedule().closedTarget());
        }
    }
}
