package io.vpbx.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.scenario.ScenarioCodec;
import io.vpbx.admin.domain.scenario.StoredScenario;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcScenarioStore;
import io.vpbx.config.VpbxConfig;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The call side reads every scenario at its current version at startup, and one scenario as it changes. */
class RoutingSourceScenariosTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final ScenarioCodec codec = new ScenarioCodec(JsonMappers.create(),
            new ForwardingCodec(JsonMappers.create(), new PhoneNumberParser()));

    private StoredScenario stored(Scenario scenario) {
        return new StoredScenario(scenario.id(), scenario.accountId(), scenario.version(), scenario.name(),
                codec.write(scenario).toString(), T0, T0.plusSeconds(scenario.version()));
    }

    @Test
    void scenariosAreReadAtTheirCurrentVersionsAcrossAccounts() {
        Scenario acmeV1 = new Scenario("sc-1", "acc-1", 1, "Main", "main", Map.of("main", new Step.Hangup(480)));
        Scenario acmeV2 = new Scenario("sc-1", "acc-1", 2, "Main", "main", Map.of(
                "main", new Step.Menu("m-1", Map.of("1", "sales"), Duration.ofSeconds(5), 3, null, null, null),
                "sales", new Step.Forward(new Destination.Department("d-1"), Duration.ofSeconds(20), null)));
        Scenario globex = new Scenario("sc-2", "acc-2", 1, "Other", "bye", Map.of("bye", new Step.Hangup(486)));
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            JdbcScenarioStore store = new JdbcScenarioStore();
            db.database().inTransaction(tx -> {
                new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
                new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
                store.create(tx, stored(acmeV1), Set.of());
                store.addVersion(tx, stored(acmeV2), Set.of("m-1", "d-1"));
                store.create(tx, stored(globex), Set.of());
                return null;
            });
            RoutingSource source = new AdminModule(VpbxConfig.defaults(), db.database(), Clock.systemUTC(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).routingSource();
            List<Scenario> all = new ArrayList<>();
            assertEquals(2, source.scenarios(all::add));
            assertEquals(List.of(acmeV2, globex), all);
            assertEquals(acmeV2, source.scenario("sc-1").orElseThrow());
            assertTrue(source.scenario("sc-9").isEmpty());
        }
    }
}
