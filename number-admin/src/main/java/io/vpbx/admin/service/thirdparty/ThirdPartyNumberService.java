package io.vpbx.admin.service.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.price.Money;
import io.vpbx.admin.domain.price.Price;
import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import io.vpbx.admin.domain.thirdparty.ThirdPartyFields;
import io.vpbx.admin.domain.thirdparty.ThirdPartyNumber;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.numbers.NumberReleaseHook;
import io.vpbx.admin.service.numbers.TargetHosts;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.RegistrationStatusStore;
import io.vpbx.admin.store.ThirdPartyNumberStore.SealedLine;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers an account holds at another operator, connected so that vpbx registers there and carries their calls.
 * Connecting also enters the number in {@code numbers} as the account's, in the state a purchase leads to
 * (pending compliance: no calls until a responsible end user or M2M device is bound and confirmed), at price
 * zero, so forwarding, fallbacks, compliance and routing apply exactly as to a bought number. Disconnecting
 * follows the rules of disconnecting a bought number (refused while something uses it, the binding released)
 * but deletes the number instead of quarantining it: it was never vpbx's to sell.
 *
 * <p>An account connects Russian mobile and city numbers and sees only its own lines (another's are "not
 * found"); the operator connects any number for an account named by {@code account_id} and sees every line.
 * The password is sealed before the transaction and never leaves in a view or an audit entry (which records
 * only that it was set or changed).
 */
public final class ThirdPartyNumberService {
    public static final int HISTORY_SHOWN = 50;
    private static final String HIDDEN = "(hidden)";

    /** A line as a request describes it; every field unchecked. */
    public record Draft(String number, String accountId, String login, String password, String server, Integer port,
                        String transport, Integer expires, String comment, Boolean enabled) {
        @Override
        public String toString() {
            return "Draft[number=" + number + ", accountId=" + accountId + ", login=" + login + ", password=hidden, server=" + server
                    + ", port=" + port + ", transport=" + transport + ", expires=" + expires + ", enabled=" + enabled + "]";
        }
    }

    /** A merge-patch: the {@code fields} named (wire names) take their values from {@code values}. */
    public record Patch(Set<String> fields, Draft values) {
        public static final Set<String> FIELDS = Set.of("password", "server", "port", "transport", "expires", "comment", "enabled");

        public Patch {
            fields = Set.copyOf(fields);
        }

        public boolean sets(String field) {
            return fields.contains(field);
        }
    }

    /** A line with its registration status (null: nothing reported yet, i.e. pending) and, when asked for, its latest history. */
    public record Connected(ThirdPartyNumber number, RegistrationStatus status, List<RegistrationHistoryEntry> history) {
    }

    /** What a connection needs besides the stores: the parser, the classifier and the prices' currencies for the number row. */
    public record NumberEntry(PhoneNumberParser parser, CategoryClassifier classifier, PriceTable prices, NumberLifecycle lifecycle) {

        /**
         * Classified like a catalog number, priced zero (another operator bills it) in the currency of vpbx's prices for
         * that country, so sums over an account's numbers stay in one currency.
         */
        CatalogEntry entry(PhoneNumber number) {
            String currency = prices.rules().stream().filter(rule -> rule.country() == number.country())
                    .map(rule -> rule.price().currency()).findFirst()
                    .orElse(number.country() == Country.CN ? "CNY" : "RUB");
            Money zero = new Money(BigDecimal.ZERO, currency);
            return new CatalogEntry(number, classifier.classify(number), new Price(zero, zero));
        }
    }

    private final Transactions transactions;
    private final ThirdPartyNumberStore lines;
    private final RegistrationStatusStore statuses;
    private final NumberStore numbers;
    private final AccountStore accounts;
    private final NumberEntry entries;
    private final LinePasswords passwords;
    private final InUseGuard inUse;
    private final List<NumberReleaseHook> releaseHooks;
    private final Auditor auditor;
    private final Clock clock;
    private final TargetHosts hosts;

    public ThirdPartyNumberService(Transactions transactions, ThirdPartyNumberStore lines, RegistrationStatusStore statuses,
                                   NumberStore numbers, AccountStore accounts, NumberEntry entries, LinePasswords passwords,
                                   InUseGuard inUse, List<NumberReleaseHook> releaseHooks, Auditor auditor, Clock clock,
                                   TargetHosts hosts) {
        this.transactions = transactions;
        this.lines = lines;
        this.statuses = statuses;
        this.numbers = numbers;
        this.accounts = accounts;
        this.entries = entries;
        this.passwords = passwords;
        this.inUse = inUse;
        this.releaseHooks = List.copyOf(releaseHooks);
        this.auditor = auditor;
        this.clock = clock;
        this.hosts = hosts;
    }

    public Connected connect(RequestContext ctx, Draft draft) {
        boolean operator = ctx.principal().isOperator();
        String accountId = targetAccount(ctx, draft.accountId());
        PhoneNumber number = ThirdPartyFields.number(entries.parser(), "number", draft.number(), operator);
        String login = ThirdPartyFields.login("login", draft.login());
        String sealed = passwords.seal(ThirdPartyFields.password("password", draft.password()));
        Instant now = StoredTime.now(clock);
        ThirdPartyNumber line = new ThirdPartyNumber(number.e164(), accountId, login, ThirdPartyFields.server("server", draft.server()),
                ThirdPartyFields.port("port", draft.port()), ThirdPartyFields.transport("transport", draft.transport()),
                ThirdPartyFields.expires("expires", draft.expires()), ThirdPartyFields.comment("comment", draft.comment()),
                draft.enabled() == null || draft.enabled(), now, now);
        CatalogEntry entry = entries.entry(number);
        hosts.check("server", line.server());
        return transactions.inTransaction(tx -> {
            if (operator && accounts.find(tx, accountId).isEmpty()) {
                throw new InvalidFieldException("account_id", "no account " + accountId);
            }
            enter(tx, ctx, entry, accountId, now);
            lines.create(tx, line, sealed);
            auditor.record(tx, ctx, accountId, "third_party_number.connected", "third_party_number", line.e164(),
                    changes(null, line, true));
            return new Connected(line, null, List.of());
        });
    }

    public Connected get(RequestContext ctx, String e164) {
        return transactions.inTransaction(tx -> {
            ThirdPartyNumber line = visible(ctx, lines.find(tx, e164), e164).number();
            return new Connected(line, statuses.find(tx, List.of(e164)).get(e164), statuses.history(tx, e164, HISTORY_SHOWN));
        });
    }

    /** An account's lines (the operator may name any account, or none for all), in number order, each with its status. */
    public List<Connected> list(RequestContext ctx, String accountId, String afterE164, int limit) {
        String scope = ctx.principal().isOperator() ? accountId : ownAccount(ctx, accountId);
        return transactions.inTransaction(tx -> {
            List<ThirdPartyNumber> page = lines.list(tx, scope, afterE164, limit);
            Map<String, RegistrationStatus> found = statuses.find(tx, page.stream().map(ThirdPartyNumber::e164).toList());
            return page.stream().map(line -> new Connected(line, found.get(line.e164()), List.of())).toList();
        });
    }

    public Connected update(RequestContext ctx, String e164, Patch patch) {
        if (patch.fields().isEmpty()) {
            throw new InvalidFieldException("body", "must set at least one of " + Patch.FIELDS.stream().sorted().toList());
        }
        Draft v = patch.values();
        String password = patch.sets("password") ? ThirdPartyFields.password("password", v.password()) : null;
        String sealed = password == null ? null : passwords.seal(password);
        if (patch.sets("server") && v.server() == null) {
            throw new InvalidFieldException("server", "is required");
        }
        String server = patch.sets("server") ? ThirdPartyFields.server("server", v.server()) : null;
        if (server != null) {
            hosts.check("server", server);
        }
        if (patch.sets("enabled") && v.enabled() == null) {
            throw new InvalidFieldException("enabled", "must be true or false");
        }
        return transactions.inTransaction(tx -> {
            SealedLine before = visible(ctx, lines.lock(tx, e164), e164);
            ThirdPartyNumber b = before.number();
            ThirdPartyNumber after = new ThirdPartyNumber(e164, b.accountId(), b.login(), server == null ? b.server() : server,
                    patch.sets("port") ? ThirdPartyFields.port("port", v.port()) : b.port(),
                    patch.sets("transport") ? ThirdPartyFields.transport("transport", v.transport()) : b.transport(),
                    patch.sets("expires") ? ThirdPartyFields.expires("expires", v.expires()) : b.expiresSeconds(),
                    patch.sets("comment") ? ThirdPartyFields.comment("comment", v.comment()) : b.comment(),
                    patch.sets("enabled") ? v.enabled() : b.enabled(), b.createdAt(), StoredTime.now(clock));
            List<FieldChange> changes = changes(b, after, sealed != null);
            if (!changes.isEmpty()) {
                lines.update(tx, after, sealed == null ? before.sealedPassword() : sealed);
                auditor.record(tx, ctx, b.accountId(), "third_party_number.updated", "third_party_number", e164, changes);
                auditor.announce(tx, "number", e164);
            }
            return new Connected(changes.isEmpty() ? b : after, statuses.find(tx, List.of(e164)).get(e164), List.of());
        });
    }

    /** Refused with 409 while something uses the number; otherwise the line and the number are deleted. */
    public void disconnect(RequestContext ctx, String e164) {
        transactions.inTransaction(tx -> {
            ThirdPartyNumber line = visible(ctx, lines.lock(tx, e164), e164).number();
            NumberRecord number = numbers.lock(tx, List.of(e164)).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("third-party number " + e164 + " has no number row"));
            inUse.requireUnused(tx, line.accountId(), e164, "number " + e164);
            entries.lifecycle().apply(number.state(), LifecycleEvent.DISCONNECT);
            Instant now = clock.instant();
            for (NumberReleaseHook hook : releaseHooks) {
                hook.released(tx, e164, now);
            }
            lines.delete(tx, e164);
            numbers.delete(tx, e164);
            auditor.record(tx, ctx, line.accountId(), "third_party_number.disconnected", "third_party_number", e164,
                    changes(line, null, false));
            auditor.record(tx, ctx, line.accountId(), "number.disconnected", "number", e164, new Changes()
                    .field("state", number.state().wireName(), null)
                    .field("account_id", number.accountId(), null).list());
            return null;
        });
    }

    /**
     * Enters the number as the account's, in the state a purchase leads to: what vpbx's own numbers pass through
     * (reserved, then bought) happens here in one step, but the state machine still decides where that ends.
     */
    private void enter(Tx tx, RequestContext ctx, CatalogEntry entry, String accountId, Instant now) throws SQLException {
        String e164 = entry.number().e164();
        if (numbers.find(tx, e164).isPresent() || numbers.importEntries(tx, List.of(entry), now) == 0) {
            // Whether another account connected or bought it is not said: one answer for every number vpbx already has.
            boolean ours = lines.find(tx, e164).map(line -> line.number().accountId().equals(accountId)).orElse(false);
            throw new ConflictException("number " + e164 + (ours ? " is already connected to this account"
                    : " is already on vpbx and cannot be connected as a third-party number"));
        }
        NumberRecord shelved = numbers.lock(tx, List.of(e164)).get(0);
        NumberState bought = entries.lifecycle().apply(
                entries.lifecycle().apply(shelved.state(), LifecycleEvent.RESERVE), LifecycleEvent.PURCHASE);
        NumberRecord held = shelved.withReservation(accountId, null, null).withState(bought, now).withPurchase(now);
        numbers.save(tx, held);
        auditor.record(tx, ctx, accountId, "number.connected", "number", e164, new Changes()
                .field("state", null, held.state().wireName())
                .field("account_id", null, accountId)
                .field("carrier", null, "third_party").list());
    }

    private static String targetAccount(RequestContext ctx, String requested) {
        if (ctx.principal().isOperator()) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidFieldException("account_id", "is required when the operator connects a number: whose number it is");
            }
            return requested;
        }
        return ownAccount(ctx, requested);
    }

    private static String ownAccount(RequestContext ctx, String requested) {
        String own = ctx.accountId();
        if (requested != null && !requested.equals(own)) {
            throw new NotFoundException("account " + requested);
        }
        return own;
    }

    private static SealedLine visible(RequestContext ctx, java.util.Optional<SealedLine> line, String e164) {
        return line.filter(l -> ctx.principal().isOperator() || l.number().accountId().equals(ctx.principal().accountId()))
                .orElseThrow(() -> new NotFoundException("third-party number " + e164));
    }

    /** The audit of a change; the password appears only as "(hidden)" when set or changed, never its value. */
    private static List<FieldChange> changes(ThirdPartyNumber before, ThirdPartyNumber after, boolean passwordSet) {
        Changes changes = new Changes()
                .field("account_id", before == null ? null : before.accountId(), after == null ? null : after.accountId())
                .field("login", before == null ? null : before.login(), after == null ? null : after.login());
        if (passwordSet || before == null || after == null) {
            changes.field("password", before == null ? null : HIDDEN, after == null ? null : HIDDEN + (before == null ? "" : " changed"));
        }
        return changes
                .field("server", before == null ? null : before.server(), after == null ? null : after.server())
                .field("port", number(before == null ? null : before.port()), number(after == null ? null : after.port()))
                .field("transport", before == null ? null : before.transport().wireName(),
                        after == null ? null : after.transport().wireName())
                .field("expires", number(before == null ? null : before.expiresSeconds()),
                        number(after == null ? null : after.expiresSeconds()))
                .field("comment", before == null ? null : before.comment(), after == null ? null : after.comment())
                .field("enabled", before == null ? null : BooleanNode.valueOf(before.enabled()),
                        after == null ? null : BooleanNode.valueOf(after.enabled()))
                .list();
    }

    private static JsonNode number(Integer value) {
        return value == null ? null : IntNode.valueOf(value);
    }
}
