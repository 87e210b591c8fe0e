package io.vpbx.sip.routing;

import io.vpbx.telephony.scenario.ServiceCode;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An account's dial plan: what a string an employee's phone dialled (the Request-URI user part) means, from the
 * routing table alone, as a pure function the proxy and the number simulator share. In order:
 * <ol>
 *   <li>an extension of the account ({@value #MIN_EXTENSION_DIGITS}..{@value #MAX_EXTENSION_DIGITS} digits): the
 *   employee or department that has it;</li>
 *   <li>a string of extension length that is no extension of the account ({@value #MIN_EXTENSION_DIGITS}..
 *   {@value #MAX_SHORT_DIGITS} digits, emergency and service numbers such as 112 included, which vpbx does not
 *   carry): 404, the string is complete but names nobody;</li>
 *   <li>anything that is no number ({@link DialedNumber}) and is not an extension (a single digit, letters): 484;</li>
 *   <li>a number of the account in any form {@link DialedNumber} normalises: the account's own number;</li>
 *   <li>a number of another account on vpbx: a platform number;</li>
 *   <li>else a number outside vpbx.</li>
 * </ol>
 * The ranges follow the admin side's extension grammar (2..6 digits); six digits that are no extension are read as a
 * number, as they were before extensions were dialled.
 */
public final class DialPlan {
    static final int MIN_EXTENSION_DIGITS = 2;
    static final int MAX_EXTENSION_DIGITS = 6;
    static final int MAX_SHORT_DIGITS = 5;

    private final RoutingTable table;

    public DialPlan(RoutingTable table) {
        this.table = table;
    }

    /** What {@code dialed} (a Request-URI user part, possibly null) means for a phone of {@code accountId}. */
    public Dialed interpret(String accountId, String dialed) {
        String user = dialed == null ? null : unescaped(withoutParameters(dialed));
        if (ServiceCode.isServiceCode(user)) {
            return table.serviceCode(accountId, user).<Dialed>map(scenario -> new Dialed.ServiceCode(user, scenario))
                    .orElseGet(() -> new Dialed.Refused(404, "Not Found (no such service code)"));
        }
        if (user != null && isDigits(user) && user.length() >= MIN_EXTENSION_DIGITS) {
            Optional<Target> owner = user.length() <= MAX_EXTENSION_DIGITS ? table.extension(accountId, user)
                    : Optional.empty();
            if (owner.isPresent()) {
                return new Dialed.Extension(user, owner.get());
            }
            if (user.length() <= MAX_SHORT_DIGITS) {
                return new Dialed.Refused(404, "Not Found (no such extension)");
            }
        }
        String e164 = DialedNumber.toE164(user);
        if (e164 == null) {
            return new Dialed.Refused(484, "Address Incomplete");
        }
        Optional<RouteEntry> number = table.number(e164);
        if (number.isEmpty()) {
            return new Dialed.External(e164);
        }
        return number.get().accountId().equals(accountId) ? new Dialed.OwnNumber(number.get())
                : new Dialed.PlatformNumber(number.get());
    }

    private static String withoutParameters(String user) {
        int semicolon = user.indexOf(';');
        return semicolon < 0 ? user : user.substring(0, semicolon);
    }

    /**
     * The user part with each {@code %HH} escape of a printable ASCII character replaced by it ({@code %2A12} is
     * {@code *12}: phones escape the star though RFC 3261 lets it stand); anything else is kept as it came.
     */
    static String unescaped(String user) {
        if (user.indexOf('%') < 0) {
            return user;
        }
        StringBuilder out = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            int code = c == '%' && i + 2 < user.length() && HexFormat.isHexDigit(user.charAt(i + 1))
                    && HexFormat.isHexDigit(user.charAt(i + 2)) ? HexFormat.fromHexDigits(user, i + 1, i + 3) : -1;
            if (code > ' ' && code < 0x7f) {
                out.append((char) code);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isDigits(String user) {
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !user.isEmpty();
    }
}
