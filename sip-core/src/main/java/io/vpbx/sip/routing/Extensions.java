package io.vpbx.sip.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts' dial plans of short extensions: each extension names one employee or one department of its account
 * (the admin side keeps them unique per account). Read on the event loop without locking by the proxy's dial plan and
 * a scenario's {@code collect} step; writers take turns so that an owner's old extension goes when it gets a new one.
 * The table keeps the accounts' service codes ({@code *12} names a scenario) in a second instance, by the same rules.
 */
final class Extensions {
    /** Owner by "account extension". */
    private final Map<String, Target> owners = new ConcurrentHashMap<>();
    /** Each owner's key in {@link #owners}, to drop it on a change. */
    private final Map<Target, String> keys = new ConcurrentHashMap<>();
    private final Object writes = new Object();

    Optional<Target> find(String accountId, String extension) {
        if (accountId == null || extension == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(owners.get(key(accountId, extension)));
    }

    /**
     * {@code owner}: a {@link Target.Employee} or {@link Target.Department} (a {@link Target.Scenario} for a service
     * code); a null extension removes its one.
     */
    void put(Target owner, String accountId, String extension) {
        synchronized (writes) {
            removeKey(owner);
            if (accountId != null && extension != null && !extension.isBlank()) {
                String key = key(accountId, extension);
                Target before = owners.put(key, owner);
                if (before != null && !before.equals(owner)) {
                    keys.remove(before, key);
                }
                keys.put(owner, key);
            }
        }
    }

    void remove(Target owner) {
        synchronized (writes) {
            removeKey(owner);
        }
    }

    private void removeKey(Target owner) {
        String before = keys.remove(owner);
        if (before != null) {
            owners.remove(before, owner);
        }
    }

    private static String key(String accountId, String extension) {
        return accountId + ' ' + extension;
    }
}
