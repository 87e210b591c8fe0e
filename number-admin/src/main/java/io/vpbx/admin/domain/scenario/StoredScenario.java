package io.vpbx.admin.domain.scenario;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a scenario as stored: its definition as JSON text ({@link ScenarioCodec} reads and writes it).
 *
 * @param name       the definition's name, kept beside it for lists
 * @param createdAt  when the scenario was first saved
 * @param savedAt    when this version was saved
 * @param serviceCode the current version's service code ({@code *12}), kept beside it so that it stays unique in the
 *                    account; null: none
 */
public record StoredScenario(String id, String accountId, int version, String name, String definition, Instant createdAt,
                             Instant savedAt, String serviceCode) {

    /** A version without a service code. */
    public StoredScenario(String id, String accountId, int version, String name, String definition, Instant createdAt,
                          Instant savedAt) {
        this(id, accountId, version, name, definition, createdAt, savedAt, null);
    }

    public StoredScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(definition, "definition");
    }
}
