package io.vpbx.admin.service.events;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may point: an http or https URL without credentials or fragment, whose host is not, and does not
 * resolve to, loopback, link-local (the metadata services), private, CGNAT, multicast or other reserved addresses
 * (the rule hosts of SIP targets follow, {@link PrivateTargets}), unless the operator opened the range in
 * security.allowed-private-targets. Checked when saved and again before every delivery, whose connection then goes to
 * the address checked (so a name that resolves elsewhere a second later, DNS rebinding, gains nothing).
 * Blocking (DNS): called on workers, never inside a transaction.
 */
public final class WebhookTargets {
    static final int MAX_URL = 2000;
    private static final String ALLOWANCE = "webhooks may not point there (the operator can allow a range in "
            + "security.allowed-private-targets)";

    private final PrivateTargets policy;
    private final HostResolver resolver;

    public WebhookTargets(PrivateTargets policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Parses and checks a URL an account gives; refused on {@code field} with 422. A name that does not resolve now is accepted. */
    public URI check(String field, String url) {
        URI uri = parse(field, url);
        if (policy.check(uri.getHost(), resolver) instanceof PrivateTargets.Decision.Refused refused) {
            throw new InvalidFieldException(field, "the host " + (literal(uri.getHost()) ? "is " : "resolves to ")
                    + refused.reason() + "; " + ALLOWANCE);
        }
        return uri;
    }

    /** Where a delivery may connect now: the addresses of the URL's host, or why not. */
    public Resolution resolve(URI uri) {
        return switch (policy.check(uri.getHost(), resolver)) {
            case PrivateTargets.Decision.Allowed allowed -> new Resolution.Allowed(allowed.addresses());
            case PrivateTargets.Decision.Refused refused -> new Resolution.Refused("the host resolves to " + refused.reason());
            case PrivateTargets.Decision.Unresolved unresolved -> new Resolution.Unresolved();
        };
    }

    /** What a delivery found for its URL's host. */
    public sealed interface Resolution {
        record Allowed(List<InetAddress> addresses) implements Resolution {
        }

        record Refused(String reason) implements Resolution {
        }

        record Unresolved() implements Resolution {
        }
    }

    /** The URL's form alone (pure): http(s), a host, no user info, no fragment, at most {@value #MAX_URL} characters. */
    public static URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (url.length() > MAX_URL) {
            throw new InvalidFieldException(field, "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException(field, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidFieldException(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidFieldException(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidFieldException(field, "must not carry a user or password (the signature authenticates vpbx)");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidFieldException(field, "must not have a fragment");
        }
        return uri;
    }

    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
