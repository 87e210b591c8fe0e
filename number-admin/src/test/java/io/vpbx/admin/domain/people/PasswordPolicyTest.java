package io.vpbx.admin.domain.people;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.admin.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.bundled();

    private void refused(String password, String email) {
        InvalidFieldException refusal = assertThrows(InvalidFieldException.class, () -> policy.check(password, email));
        assertEquals("password", refusal.field());
    }

    @Test
    void tooShortTooLongTheEmailAndCommonPasswordsAreRefusedNamingThePassword() {
        refused(null, "olga@acme.example");
        refused("eleven char", "olga@acme.example");
        refused("x".repeat(PasswordPolicy.MAX_LENGTH + 1), "olga@acme.example");
        refused("Olga.Petrova@Acme.example", "olga.petrova@acme.example");
        refused("olga.petrova", "olga.petrova@acme.example");
        refused("Password1234", "olga@acme.example");
        refused("ЙЦУКЕНГШЩЗХЪ", "olga@acme.example");
    }

    @Test
    void aLongUncommonPassphrasePasses() {
        assertDoesNotThrow(() -> policy.check("correct horse battery", "olga@acme.example"));
        assertDoesNotThrow(() -> policy.check("пароль на русском языке", "olga@acme.example"));
    }
}
