package io.vpbx.sip.routing;

import java.util.List;

/**
 * Where an account's calls out may go (toll-fraud control): premium-rate prefixes only when allowed, numbers in the
 * caller number's own country always, other countries when international calls are allowed or the destination
 * starts with one of the allowed prefixes. Pure; calls to the platform's own numbers are not checked (no toll).
 */
public record DestinationPolicy(boolean allowInternational, boolean allowPremium, List<String> allowedPrefixes,
                                PremiumRatePrefixes premium) {

    /** Why a destination is refused; {@code null} from {@link #check} means allowed. */
    public enum Refusal {
        PREMIUM_RATE("premium-rate destination"),
        INTERNATIONAL("international destination");

        private final String text;

        Refusal(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public DestinationPolicy {
        allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    /** Everything allowed: what tests and a table without limits use. */
    public static DestinationPolicy open() {
        return new DestinationPolicy(true, true, List.of(), PremiumRatePrefixes.none());
    }

    /** Null when {@code dialed} may be called with {@code callerNumber} as caller ID; otherwise why not. */
    public Refusal check(String callerNumber, String dialed) {
        if (!allowPremium && premium.matches(dialed)) {
            return Refusal.PREMIUM_RATE;
        }
        if (allowInternational || sameCountry(callerNumber, dialed)) {
            return null;
        }
        for (int i = 0; i < allowedPrefixes.size(); i++) {
            if (dialed.startsWith(allowedPrefixes.get(i))) {
                return null;
            }
        }
        return Refusal.INTERNATIONAL;
    }

    private static boolean sameCountry(String callerNumber, String dialed) {
        String home = CountryCodes.of(callerNumber);
        return home != null && home.equals(CountryCodes.of(dialed));
    }
}
