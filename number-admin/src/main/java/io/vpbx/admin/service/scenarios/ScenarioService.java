package io.vpbx.admin.service.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.scenario.ScenarioCodec;
import io.vpbx.admin.domain.scenario.ScenarioRules;
import io.vpbx.admin.domain.scenario.StoredScenario;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.ScenarioStore;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.scenario.Scenario;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An account's IVR scenarios: create, read (the current version or any earlier one), list, replace (a whole new
 * definition saved as the next version; calls in progress keep theirs), delete (refused with 409 while a number
 * forwards to the scenario or another scenario's forward step names it). Every definition passes the codec (shape),
 * the {@link ScenarioRules} (graph) and the {@link ScenarioReferences} (what it refers to, in the transaction); the
 * audit entry lists the definition's changed fields.
 */
public final class ScenarioService {
    /** The audit's resource type of a scenario, and what the change listener hears when one is saved or deleted. */
    public static final String RESOURCE_TYPE = "scenario";

    private final Transactions transactions;
    private final ScenarioStore scenarios;
    private final ScenarioCodec codec;
    private final ScenarioRules rules;
    private final ScenarioReferences references;
    private final InUseGuard inUse;
    private final Auditor auditor;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ScenarioService(Transactions transactions, ScenarioStore scenarios, ScenarioCodec codec, ScenarioRules rules,
                           ScenarioReferences references, InUseGuard inUse, Auditor auditor, ObjectMapper mapper, Clock clock) {
        this.transactions = transactions;
        this.scenarios = scenarios;
        this.codec = codec;
        this.rules = rules;
        this.references = references;
        this.inUse = inUse;
        this.auditor = auditor;
        this.mapper = mapper;
        this.clock = clock;
    }

    public StoredScenario create(RequestContext ctx, JsonNode body) {
        String accountId = ctx.accountId();
        String id = UUID.randomUUID().toString();
        Scenario scenario = checked(id, accountId, body);
        ObjectNode definition = codec.write(scenario);
        Instant now = StoredTime.now(clock);
        StoredScenario created = new StoredScenario(id, accountId, 1, scenario.name(), definition.toString(), now, now,
                code(scenario));
        return transactions.inTransaction(tx -> {
            references.check(tx, scenario);
            requireServiceCodeFree(tx, created);
            scenarios.create(tx, created, ScenarioReferences.of(scenario));
            auditor.record(tx, ctx, accountId, RESOURCE_TYPE + ".created", RESOURCE_TYPE, id,
                    changes(null, created, null, definition));
            return created;
        });
    }

    /** The current version, or {@code version} when not null. */
    public StoredScenario get(RequestContext ctx, String id, Integer version) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> version == null ? scenarios.find(tx, accountId, id)
                : scenarios.find(tx, accountId, id, version)).orElseThrow(() -> version == null ? notFound(id)
                : new NotFoundException("version " + version + " of scenario " + id));
    }

    public List<StoredScenario> list(RequestContext ctx, String afterId, int limit) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> scenarios.list(tx, accountId, afterId, limit));
    }

    /** Saves {@code body} as the next version; a definition equal to the current one saves and audits nothing. */
    public StoredScenario replace(RequestContext ctx, String id, JsonNode body) {
        String accountId = ctx.accountId();
        Scenario scenario = checked(id, accountId, body);
        ObjectNode definition = codec.write(scenario);
        Instant now = StoredTime.now(clock);
        return transactions.inTransaction(tx -> {
            StoredScenario before = scenarios.lock(tx, accountId, id).orElseThrow(() -> notFound(id));
            if (before.definition().equals(definition.toString())) {
                return before;
            }
            JsonNode previous = parse(before);
            references.check(tx, scenario);
            StoredScenario next = new StoredScenario(id, accountId, before.version() + 1, scenario.name(), definition.toString(),
                    before.createdAt(), now, code(scenario));
            requireServiceCodeFree(tx, next);
            scenarios.addVersion(tx, next, ScenarioReferences.of(scenario));
            auditor.record(tx, ctx, accountId, RESOURCE_TYPE + ".updated", RESOURCE_TYPE, id,
                    changes(before, next, previous, definition));
            return next;
        });
    }

    public void delete(RequestContext ctx, String id) {
        String accountId = ctx.accountId();
        transactions.inTransaction(tx -> {
            StoredScenario before = scenarios.lock(tx, accountId, id).orElseThrow(() -> notFound(id));
            inUse.requireUnused(tx, accountId, id, "scenario " + id);
            scenarios.delete(tx, accountId, id);
            auditor.record(tx, ctx, accountId, RESOURCE_TYPE + ".deleted", RESOURCE_TYPE, id,
                    changes(before, null, parse(before), null));
            return null;
        });
    }

    /** The stored definition as JSON, for the API's view. */
    public JsonNode parse(StoredScenario stored) {
        try {
            return mapper.readTree(stored.definition());
        } catch (JsonProcessingException e) {
            throw new StorageException("the stored definition of scenario " + stored.id() + " is not JSON", e);
        }
    }

    /** One dial plan per account: a service code runs one scenario (the store's unique index settles a race). */
    private void requireServiceCodeFree(Tx tx, StoredScenario scenario) throws SQLException {
        if (scenario.serviceCode() == null) {
            return;
        }
        var holder = scenarios.findByServiceCode(tx, scenario.accountId(), scenario.serviceCode());
        if (holder.isPresent() && !holder.get().id().equals(scenario.id())) {
            throw new ConflictException("service_code: " + scenario.serviceCode() + " is already taken in this account",
                    List.of("scenario " + holder.get().id()), "service_code");
        }
    }

    private static String code(Scenario scenario) {
        return scenario.serviceCode() == null ? null : scenario.serviceCode().code();
    }

    /** Shape and graph, before any transaction; external PBX hosts resolved here too (DNS never holds a connection). */
    private Scenario checked(String id, String accountId, JsonNode body) {
        // the version is the store's to give: 0 stands for "not yet saved"
        Scenario scenario = codec.read(id, accountId, 0, body);
        rules.check(scenario);
        references.checkHosts(scenario);
        return scenario;
    }

    private static List<FieldChange> changes(StoredScenario before, StoredScenario after, JsonNode previous, JsonNode next) {
        List<FieldChange> changes = new ArrayList<>();
        changes.addAll(new Changes().field("version", before == null ? null : IntNode.valueOf(before.version()),
                after == null ? null : IntNode.valueOf(after.version())).list());
        changes.addAll(DefinitionDiff.of(previous, next));
        return changes;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("scenario " + id);
    }
}
