package io.vpbx.admin.service.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.admin.domain.limits.LimitSettingsPatch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.AccountLimitStore;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.config.LimitsConfig;
import java.time.Clock;
import java.util.Map;

/**
 * An account's limits: read by the operator and by the account itself, set by the operator only. Changes are
 * audited under resource type {@code account_limits}, which is also how they reach the SIP routing table.
 */
public final class AccountLimitService {
    public static final String RESOURCE_TYPE = "account_limits";

    /** What the API shows: the limits in force and the operator's own values (null where the default applies). */
    public record LimitsView(AccountLimits effective, LimitSettings settings) {
    }

    private final Transactions transactions;
    private final AccountStore accounts;
    private final AccountLimitStore limits;
    private final LimitsConfig defaults;
    private final Auditor auditor;
    private final Clock clock;
    private final ObjectMapper mapper;

    public AccountLimitService(Transactions transactions, AccountStore accounts, AccountLimitStore limits, LimitsConfig defaults,
                               Auditor auditor, Clock clock, ObjectMapper mapper) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.limits = limits;
        this.defaults = defaults;
        this.auditor = auditor;
        this.clock = clock;
        this.mapper = mapper;
    }

    public LimitsView get(RequestContext ctx, String accountId) {
        visible(ctx, accountId);
        return transactions.inTransaction(tx -> {
            if (accounts.find(tx, accountId).isEmpty()) {
                throw new NotFoundException("account " + accountId);
            }
            LimitSettings settings = limits.find(tx, accountId).orElse(LimitSettings.DEFAULTS);
            return new LimitsView(AccountLimits.of(settings, defaults), settings);
        });
    }

    public LimitsView patch(RequestContext ctx, String accountId, JsonNode patch) {
        visible(ctx, accountId);
        ctx.requireOperator();
        return transactions.inTransaction(tx -> {
            if (accounts.lock(tx, accountId).isEmpty()) {
                throw new NotFoundException("account " + accountId);
            }
            LimitSettings before = limits.find(tx, accountId).orElse(LimitSettings.DEFAULTS);
            LimitSettings after = LimitSettingsPatch.apply(before, patch);
            Changes changes = new Changes();
            Map<String, Object> was = LimitSettingsPatch.fields(before);
            LimitSettingsPatch.fields(after).forEach((name, value) ->
                    changes.field(name, mapper.valueToTree(was.get(name)), mapper.valueToTree(value)));
            if (!changes.isEmpty()) {
                limits.save(tx, accountId, after, clock.instant());
                auditor.record(tx, ctx, accountId, "account.limits_changed", RESOURCE_TYPE, accountId, changes.list());
            }
            return new LimitsView(AccountLimits.of(after, defaults), after);
        });
    }

    /** Another account's limits do not exist for an account: 404, as for every cross-account read. */
    private static void visible(RequestContext ctx, String accountId) {
        if (!ctx.principal().isOperator() && !accountId.equals(ctx.principal().accountId())) {
            throw new NotFoundException("account " + accountId);
        }
    }
}
