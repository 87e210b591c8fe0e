package io.vpbx.admin.service.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcEndUserStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key rotation end to end on a real database: documents sealed under k1 move to k2 and still open to the same number. */
class ResealerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SecureRandom random = new SecureRandom();

    private String key() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void documentsSealedUnderARetiredKeyAreSealedAgainUnderTheCurrentOne(String kind) {
        String k1 = "k1:" + key();
        String k2 = "k2:" + key();
        AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.parse(k1));
        JdbcEndUserStore endUsers = new JdbcEndUserStore(ring::get);
        try (TestDatabases.TestDatabase db = TestDatabases.of(kind)) {
            String sealed = new DocumentCipher(ring.get(), random).seal("4508123456");
            EndUser ivan = new EndUser("eu-1", "acc-1", HolderKind.PERSON, EndUser.Relation.EMPLOYEE, Jurisdiction.RU, "Ivan Petrov",
                    LocalDate.of(1980, 5, 1), "Moscow", "+79161112233", null, "ru_internal_passport", sealed, "fp-1", "3456", null,
                    DocumentStatus.VALID, null, null, null, null, null, null, null, T0, T0, null, null);
            db.database().inTransaction(tx -> {
                new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
                endUsers.create(tx, ivan);
                return null;
            });
            Resealer resealer = Resealer.documents(db.database(), endUsers, ring::get, random);
            assertEquals(0, resealer.resealOnce(), "nothing to do while k1 is current");

            ring.set(KeyRing.parse(k2 + "," + k1));
            assertEquals(1, resealer.resealOnce());
            EndUser moved = db.database().inTransaction(tx -> endUsers.find(tx, "acc-1", "eu-1")).orElseThrow();
            assertTrue(moved.documentSealed().startsWith("v1:k2:"), moved.documentSealed().substring(0, 6));
            assertEquals("4508123456", new DocumentCipher(KeyRing.parse(k2), random).open(moved.documentSealed()),
                    "k1 can now be removed: k2 alone opens it");
            assertEquals("Ivan Petrov", moved.fullName(), "personal data reads back opened");
            assertEquals(LocalDate.of(1980, 5, 1), moved.birthDate());
            List<String> raw = db.database().inTransaction(tx -> {
                try (var st = tx.connection().prepareStatement("SELECT full_name, address, birth_date_sealed, birth_date FROM end_users");
                     var rs = st.executeQuery()) {
                    rs.next();
                    return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            });
            for (String column : raw.subList(0, 3)) {
                assertTrue(column.startsWith("v1:k2:"), "personal data sealed at rest under the new key: " + column.substring(0, 6));
            }
            assertEquals(null, raw.get(3), "no plain birth date column");
            assertFalse(String.join(" ", raw.subList(0, 3)).contains("Ivan") || String.join(" ", raw.subList(0, 3)).contains("Moscow"));
            assertEquals(0, resealer.resealOnce(), "rotation complete");
        }
    }
}
