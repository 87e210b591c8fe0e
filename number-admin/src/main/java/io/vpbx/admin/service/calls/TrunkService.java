package io.vpbx.admin.service.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.domain.trunk.TrunkFields;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.AccountResourceStore;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TrunkStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Carrier trunks: the operator's alone (an account's key is refused, even for reading). Audit entries carry
 * no account: trunks are platform infrastructure, and an account that may not read them does not see them
 * in its audit log either.
 */
public final class TrunkService implements ResourceService<Trunk, TrunkService.Draft> {
    /** The account of trunk audit entries: none, trunks are the platform's. */
    private static final String PLATFORM = null;

    /** A trunk as a request describes it; every field unchecked. {@code enabled} null means true. */
    public record Draft(String name, List<String> sourceAddresses, String accountId, String outboundUri, Boolean enabled) {
    }


    private final AuditedResource<Trunk> resource;
    private final TrunkStore trunks;
    private final AccountStore accounts;
    private final Clock clock;

    public TrunkService(Transactions transactions, TrunkStore trunks, AccountStore accounts, Auditor auditor, Clock clock) {
        this.resource = new AuditedResource<>(transactions, new PlatformTrunks(trunks), auditor, "trunk", "trunk",
                TrunkService::changes);
        this.trunks = trunks;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Trunk create(RequestContext ctx, Draft draft) {
        ctx.requireOperator();
        Instant now = StoredTime.now(clock);
        Trunk trunk = new Trunk(UUID.randomUUID().toString(), TrunkFields.name("name", draft.name()),
                TrunkFields.sourceAddresses("source_addresses", draft.sourceAddresses()), draft.accountId(),
                draft.outboundUri() == null ? null : TrunkFields.outboundUri("outbound_uri", draft.outboundUri()),
                draft.enabled() == null || draft.enabled(), now, now);
        return resource.create(ctx, PLATFORM, trunk.id(), trunk, (tx, none, created) -> {
            requireAccount(tx, created.accountId());
            requireAddressesFree(tx, created);
        });
    }

    public Trunk get(RequestContext ctx, String trunkId) {
        ctx.requireOperator();
        return resource.get(PLATFORM, trunkId);
    }

    public List<Trunk> list(RequestContext ctx, String afterId, int limit) {
        ctx.requireOperator();
        return resource.list(PLATFORM, afterId, limit);
    }

    public Trunk update(RequestContext ctx, String trunkId, Patch<Draft> patch) {
        ctx.requireOperator();
        patch.requireSome("must set at least one of name, source_addresses, account_id, "
                + "outbound_uri, enabled");
        Draft v = patch.values();
        String name = patch.sets("name") ? TrunkFields.name("name", v.name()) : null;
        List<SourceAddress> addresses = patch.sets("source_addresses")
                ? TrunkFields.sourceAddresses("source_addresses", v.sourceAddresses()) : null;
        String outboundUri = patch.sets("outbound_uri") && v.outboundUri() != null
                ? TrunkFields.outboundUri("outbound_uri", v.outboundUri()) : null;
        if (patch.sets("enabled") && v.enabled() == null) {
            throw new InvalidFieldException("enabled", "must be true or false");
        }
        return resource.update(ctx, PLATFORM, trunkId, before -> new Trunk(trunkId, name == null ? before.name() : name,
                addresses == null ? before.sourceAddresses() : addresses,
                patch.sets("account_id") ? v.accountId() : before.accountId(),
                patch.sets("outbound_uri") ? outboundUri : before.outboundUri(),
                patch.sets("enabled") ? v.enabled() : before.enabled(), before.createdAt(), StoredTime.now(clock)), (tx, before, after) -> {
                    if (patch.sets("account_id")) {
                        requireAccount(tx, after.accountId());
                    }
                    requireAddressesFree(tx, after);
                }, AuditedResource.Step.none());
    }

    public void delete(RequestContext ctx, String trunkId) {
        ctx.requireOperator();
        resource.delete(ctx, PLATFORM, trunkId, AuditedResource.Step.none());
    }

    private void requireAccount(Tx tx, String accountId) throws SQLException {
        if (accountId != null && accounts.find(tx, accountId).isEmpty()) {
            throw new InvalidFieldException("account_id", "no account " + accountId + " (null makes a carrier trunk for every account)");
        }
    }

    /** The SIP core tells trunks apart by source address alone, so an address belongs to one trunk on the platform. */
    private void requireAddressesFree(Tx tx, Trunk trunk) throws SQLException {
        Map<SourceAddress, String> holders = trunks.holders(tx, trunk.sourceAddresses());
        holders.values().removeIf(trunk.id()::equals);
        if (!holders.isEmpty()) {
            List<SourceAddress> taken = trunk.sourceAddresses().stream().filter(holders::containsKey).toList();
            throw new ConflictException("source_addresses: " + taken + " already belong to another trunk",
                    taken.stream().map(address -> "trunk " + holders.get(address) + " (" + address + ")").toList());
        }
    }

    /** The field-level audit of a change; {@code null} stands for "did not exist". */
    private static List<FieldChange> changes(Trunk before, Trunk after) {
        return new Changes()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("source_addresses", before == null ? null : addresses(before), after == null ? null : addresses(after))
                .field("account_id", before == null ? null : before.accountId(), after == null ? null : after.accountId())
                .field("outbound_uri", before == null ? null : before.outboundUri(), after == null ? null : after.outboundUri())
                .field("enabled", before == null ? null : BooleanNode.valueOf(before.enabled()),
                        after == null ? null : BooleanNode.valueOf(after.enabled()))
                .list();
    }

    private static JsonNode addresses(Trunk trunk) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        trunk.sourceAddresses().forEach(address -> list.add(address.value()));
        return list;
    }

    /** Trunks seen as the shared write path sees resources: the account is always {@link #PLATFORM} and not looked at. */
    private record PlatformTrunks(TrunkStore trunks) implements AccountResourceStore<Trunk> {
        @Override
        public void create(Tx tx, Trunk trunk) throws SQLException {
            trunks.create(tx, trunk);
        }

        @Override
        public Optional<Trunk> find(Tx tx, String accountId, String id) throws SQLException {
            return trunks.find(tx, id);
        }

        @Override
        public Optional<Trunk> lock(Tx tx, String accountId, String id) throws SQLException {
            return trunks.lock(tx, id);
        }

        @Override
        public List<Trunk> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
            return trunks.list(tx, afterId, limit);
        }

        @Override
        public void update(Tx tx, Trunk trunk) throws SQLException {
            trunks.update(tx, trunk);
        }

        @Override
        public boolean delete(Tx tx, String accountId, String id) throws SQLException {
            return trunks.delete(tx, id);
        }
    }
}
