package io.vpbx.sip.uplink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The third-party lines the call path needs: which line an INVITE from another operator is for, and which line
 * an employee's call out with a third-party caller ID goes through. An INVITE belongs to a line when it comes
 * from an address the line's registrar resolved to AND its Request-URI user is the Contact user we registered
 * (what a registrar's location lookup leaves), the login, or the number itself; a source match alone or a user
 * match alone is not enough, so that nobody reaches a tenant's number by guessing either.
 *
 * <p>Not thread-safe: owned by the SIP event loop, like the proxy that reads it.
 */
public final class UplinkDirectory {
    private final Map<String, UplinkAccount> byNumber = new HashMap<>();
    private final Map<String, Set<String>> numbersByUser = new HashMap<>();
    private final Map<String, Set<String>> sourcesByNumber = new HashMap<>();

    public void put(UplinkAccount account) {
        remove(account.e164());
        byNumber.put(account.e164(), account);
        for (String user : usersOf(account)) {
            numbersByUser.computeIfAbsent(user, key -> new HashSet<>()).add(account.e164());
        }
    }

    public void remove(String e164) {
        UplinkAccount old = byNumber.remove(e164);
        sourcesByNumber.remove(e164);
        if (old == null) {
            return;
        }
        for (String user : usersOf(old)) {
            Set<String> numbers = numbersByUser.get(user);
            if (numbers != null) {
                numbers.remove(e164);
                if (numbers.isEmpty()) {
                    numbersByUser.remove(user);
                }
            }
        }
    }

    /** The registrar of {@code e164} was reached at {@code ip}: calls from there are the operator's. */
    public void resolved(String e164, String ip) {
        if (byNumber.containsKey(e164)) {
            sourcesByNumber.computeIfAbsent(e164, key -> new HashSet<>()).add(ip);
        }
    }

    /** The enabled line an INVITE from {@code sourceIp} to {@code requestUser} is for. */
    public Optional<UplinkAccount> inbound(String sourceIp, String requestUser) {
        if (requestUser == null) {
            return Optional.empty();
        }
        Set<String> numbers = numbersByUser.get(requestUser);
        if (numbers == null) {
            return Optional.empty();
        }
        for (String e164 : numbers) {
            Set<String> sources = sourcesByNumber.get(e164);
            UplinkAccount account = byNumber.get(e164);
            if (sources != null && sources.contains(sourceIp) && account.enabled()) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }

    /** The enabled line of a number, for calls out with it as caller ID. */
    public Optional<UplinkAccount> byNumber(String e164) {
        UplinkAccount account = e164 == null ? null : byNumber.get(e164);
        return account != null && account.enabled() ? Optional.of(account) : Optional.empty();
    }

    public int size() {
        return byNumber.size();
    }

    private static Set<String> usersOf(UplinkAccount account) {
        // a set: the login is often the number itself
        return new HashSet<>(java.util.List.of(account.contactUser(), account.login(), account.e164(), account.e164().substring(1)));
    }
}
