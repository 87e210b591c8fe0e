package io.vpbx.admin.domain.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which changes a signed-in person's role allows, decided from the request's method and path before any resource
 * runs, so that no routes class can forget it (ADR 0030). Reading is open to every member of the account (the
 * services narrow it further where needed: the login journal); changing follows the role:
 * <ul>
 *   <li>viewer: nothing, but their own password and sessions, and what only looks (a call simulation, a bulk change's
 *       dry run);</li>
 *   <li>editor: the telephony, not people, API keys, the account and its settings or the contact phone;</li>
 *   <li>admin and owner: everything of the account (who may touch owners the people service decides);</li>
 *   <li>operator: what the operator's API key may.</li>
 * </ul>
 * API keys are not people and are not checked here: a key acts for its whole account, as before.
 */
public final class AccessPolicy {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Changes that concern only the signed-in person themselves. */
    private static final List<String> SELF_SERVICE = List.of("/v1/session", "/v1/users/me/", "/v1/sessions/");
    /** What an editor may not change: people, keys, the account itself and its security contact. */
    private static final List<String> ACCOUNT_MANAGEMENT = List.of("/v1/users", "/v1/api-keys", "/v1/accounts",
            "/v1/contact-phone-changes", "/v1/invitations");

    /**
     * Empty when {@code role} may send {@code method} to {@code path}; otherwise why not. {@code dryRun}: the request
     * asked only to see what a change would do.
     */
    public Optional<String> refusal(UserRole role, String method, String path, boolean dryRun) {
        if (role == UserRole.OPERATOR || role.managesAccount() || SAFE_METHODS.contains(method) || selfService(path)) {
            return Optional.empty();
        }
        if (role == UserRole.VIEWER) {
            return looksOnly(method, path, dryRun) ? Optional.empty() : Optional.of("a viewer changes nothing");
        }
        if (under(path, ACCOUNT_MANAGEMENT)) {
            return Optional.of("an editor does not manage people, API keys or the account's settings; ask an admin or owner");
        }
        return Optional.empty();
    }

    private static boolean looksOnly(String method, String path, boolean dryRun) {
        return method.equals("POST") && ((path.startsWith("/v1/numbers/") && path.endsWith("/simulate"))
                || (path.equals("/v1/numbers/bulk") && dryRun));
    }

    private static boolean selfService(String path) {
        return SELF_SERVICE.stream().anyMatch(prefix -> prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix));
    }

    private static boolean under(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
