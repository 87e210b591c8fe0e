package io.vpbx.admin.domain.people;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy();

    private boolean allowed(UserRole role, String method, String path) {
        return policy.refusal(role, method, path, false).isEmpty();
    }

    @Test
    void everyRoleReads() {
        for (UserRole role : UserRole.values()) {
            assertTrue(allowed(role, "GET", "/v1/numbers"));
            assertTrue(allowed(role, "GET", "/v1/users"));
        }
    }

    @Test
    void aViewerChangesNothingButTheirOwnPasswordAndSessionsAndWhatOnlyLooks() {
        assertFalse(allowed(UserRole.VIEWER, "PATCH", "/v1/numbers/+74951230000"));
        assertFalse(allowed(UserRole.VIEWER, "POST", "/v1/employees"));
        assertFalse(allowed(UserRole.VIEWER, "DELETE", "/v1/media/m-1"));
        assertFalse(allowed(UserRole.VIEWER, "POST", "/v1/numbers/bulk"));
        assertTrue(policy.refusal(UserRole.VIEWER, "POST", "/v1/numbers/bulk", true).isEmpty(), "a dry run changes nothing");
        assertTrue(allowed(UserRole.VIEWER, "POST", "/v1/numbers/+74951230000/simulate"));
        assertTrue(allowed(UserRole.VIEWER, "DELETE", "/v1/session"));
        assertTrue(allowed(UserRole.VIEWER, "POST", "/v1/users/me/password"));
        assertTrue(allowed(UserRole.VIEWER, "DELETE", "/v1/sessions/s-1"));
        assertFalse(allowed(UserRole.VIEWER, "POST", "/v1/users/me-too"), "only the exact self-service paths");
    }

    @Test
    void anEditorChangesTheTelephonyButNotPeopleKeysOrTheAccount() {
        assertTrue(allowed(UserRole.EDITOR, "PATCH", "/v1/numbers/+74951230000"));
        assertTrue(allowed(UserRole.EDITOR, "POST", "/v1/scenarios"));
        assertTrue(allowed(UserRole.EDITOR, "POST", "/v1/media"));
        assertFalse(allowed(UserRole.EDITOR, "POST", "/v1/users"));
        assertFalse(allowed(UserRole.EDITOR, "PATCH", "/v1/users/u-1"));
        assertFalse(allowed(UserRole.EDITOR, "POST", "/v1/api-keys"));
        assertFalse(allowed(UserRole.EDITOR, "PATCH", "/v1/accounts/a-1/limits"));
        assertFalse(allowed(UserRole.EDITOR, "POST", "/v1/contact-phone-changes"));
        assertTrue(allowed(UserRole.EDITOR, "POST", "/v1/users/me/password"));
        assertTrue(allowed(UserRole.EDITOR, "POST", "/v1/api-keysmith"), "a prefix is a whole path segment");
    }

    @Test
    void adminsOwnersAndTheOperatorChangeEverything() {
        for (UserRole role : new UserRole[] {UserRole.ADMIN, UserRole.OWNER, UserRole.OPERATOR}) {
            assertTrue(allowed(role, "POST", "/v1/users"));
            assertTrue(allowed(role, "DELETE", "/v1/api-keys/k-1"));
            assertTrue(allowed(role, "PATCH", "/v1/numbers/+74951230000"));
        }
    }
}
