package io.vpbx.admin.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactPhoneChangeTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SALT = "00112233445566778899aabbccddeeff";

    private static ContactPhoneChange pending(int attempts) {
        return new ContactPhoneChange("chg-1", ContactHolderKind.ACCOUNT, "acc-1", "acc-1", "+79161234567", "+79031112233",
                ContactCodes.hash(SALT, ContactCodes.Target.OLD_PHONE, "111111"),
                ContactCodes.hash(SALT, ContactCodes.Target.NEW_PHONE, "222222"), SALT, attempts, T0.plusSeconds(300),
                ContactChangeStatus.PENDING, null, T0, null, false, null);
    }

    @Test
    void wrongAttemptsCountDownAndTheLastOneLocks() {
        ContactPhoneChange change = pending(2).withWrongAttempt();
        assertEquals(1, change.attemptsLeft());
        assertEquals(ContactChangeStatus.PENDING, change.status());
        ContactPhoneChange spent = change.withWrongAttempt();
        assertEquals(0, spent.attemptsLeft());
        assertEquals(ContactChangeStatus.LOCKED, spent.status());
    }

    @Test
    void codesExpireAtTheirDeadline() {
        ContactPhoneChange change = pending(5);
        assertFalse(change.expiredAt(T0.plusSeconds(299)));
        assertTrue(change.expiredAt(T0.plusSeconds(300)));
    }

    @Test
    void operatorVerificationAndCompletionAreRecorded() {
        ContactPhoneChange verified = pending(5).withOperatorVerification("operator/key-1");
        assertTrue(verified.operatorVerified());
        ContactPhoneChange done = verified.completed(T0.plusSeconds(60));
        assertEquals(ContactChangeStatus.COMPLETED, done.status());
        assertEquals(T0.plusSeconds(60), done.completedAt());
        assertEquals("operator/key-1", done.operatorVerifiedBy());
    }

    @Test
    void textShowsPhonesMaskedAndNeverHashesOrSalt() {
        ContactPhoneChange change = pending(5);
        String text = change.toString();
        assertFalse(text.contains(change.oldCodeHash()));
        assertFalse(text.contains(change.newCodeHash()));
        assertFalse(text.contains(SALT));
        assertFalse(text.contains("+79161234567"));
        assertTrue(text.contains("***4567"));
        assertEquals("***2233", ContactPhoneChange.mask("+79031112233"));
        assertNull(ContactPhoneChange.mask(null));
    }

    @Test
    void noticesCarryCodesOnlyWhereMeantAndPhonesMasked() {
        String toOld = ContactNotices.codeForOldPhone("123456", "+79031112233", Duration.ofMinutes(5));
        assertTrue(toOld.contains("123456"));
        assertTrue(toOld.contains("***2233"));
        assertTrue(toOld.contains("5 minutes"));
        assertFalse(toOld.contains("+79031112233"));
        assertTrue(ContactNotices.codeForNewPhone("654321", Duration.ofSeconds(90)).contains("90 seconds"));
        String changed = ContactNotices.changed("+79031112233", T0, true);
        assertTrue(changed.contains("your contact phone was changed to ***2233 at 2026-11-23T10:00:00Z"), changed);
        assertTrue(changed.contains("second change within 24 hours"));
        assertFalse(ContactNotices.changed("+79031112233", T0, false).contains("24 hours"));
    }

    @Test
    void emailAddressesAreCheckedLightly() {
        assertEquals("ops@example.com", EmailAddress.of("contact_email", " ops@example.com ").value());
        for (String bad : new String[] {"", "ops", "@example.com", "ops@", "ops@example", "ops@@example.com", "o ps@example.com",
                "ops@example.", "a".repeat(250) + "@example.com"}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> EmailAddress.of("contact_email", bad), bad);
            assertEquals("contact_email", e.field());
        }
    }
}
