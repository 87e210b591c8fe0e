package io.vpbx.admin.service.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.WebhookStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An account's webhook subscriptions: created with a secret generated (or given) and shown once, read and listed
 * without it, merge-patched (url, events, enabled), deleted with their deliveries; the secret rotated (the old one
 * stops at once); the delivery log read and a delivery sent again. URLs are checked for private targets before the
 * transaction ({@link WebhookTargets}). Every change is audited, the secret never.
 */
public final class WebhookService {
    /** A subscription as a request describes it; every field unchecked. {@code enabled} null means true. */
    public record Draft(String url, List<String> events, Boolean enabled, String secret) {
    }

    /** A subscription with its secret in clear: only in the answer that made it. */
    public record WithSecret(Webhook webhook, String secret) {
    }

    private final Transactions transactions;
    private final WebhookStore webhooks;
    private final EventStore events;
    private final AuditedResource<Webhook> resource;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final Auditor auditor;
    private final Clock clock;
    private final int maxPerAccount;
    private final Runnable nudge;

    public WebhookService(Transactions transactions, WebhookStore webhooks, EventStore events, WebhookSecrets secrets,
                          WebhookTargets targets, Auditor auditor, Clock clock, int maxPerAccount, Runnable nudge) {
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.events = events;
        this.resource = new AuditedResource<>(transactions, webhooks, auditor, "webhook", "webhook", WebhookService::changes);
        this.secrets = secrets;
        this.targets = targets;
        this.auditor = auditor;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.nudge = nudge;
    }

    public WithSecret create(RequestContext ctx, Draft draft) {
        String accountId = ctx.accountId();
        String url = targets.check("url", draft.url()).toString();
        Set<EventType> types = types(draft.events());
        String secret = draft.secret() == null ? secrets.generate() : WebhookSecrets.given("secret", draft.secret());
        Instant now = StoredTime.now(clock);
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), accountId, url, types, draft.enabled() == null || draft.enabled(),
                secrets.seal(secret), now, now);
        resource.create(ctx, accountId, webhook.id(), webhook, (tx, none, created) -> {
            if (webhooks.list(tx, accountId, null, maxPerAccount).size() >= maxPerAccount) {
                throw new ConflictException("the account has " + maxPerAccount + " webhooks, the most webhooks.max-per-account allows");
            }
        });
        return new WithSecret(webhook, secret);
    }

    public Webhook get(RequestContext ctx, String id) {
        return resource.get(ctx.accountId(), id);
    }

    public List<Webhook> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    public Webhook update(RequestContext ctx, String id, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one of url, events, enabled");
        if (patch.sets("secret")) {
            throw new InvalidFieldException("secret", "is changed by POST /v1/webhooks/{id}/rotate-secret");
        }
        Draft v = patch.values();
        String url = patch.sets("url") ? targets.check("url", v.url()).toString() : null;
        Set<EventType> types = patch.sets("events") ? types(v.events()) : null;
        if (patch.sets("enabled") && v.enabled() == null) {
            throw new InvalidFieldException("enabled", "must be true or false");
        }
        return resource.update(ctx, accountId, id, before -> new Webhook(id, accountId, url == null ? before.url() : url,
                types == null ? before.events() : types, patch.sets("enabled") ? v.enabled() : before.enabled(), before.sealedSecret(),
                before.createdAt(), StoredTime.now(clock)), AuditedResource.Step.none(), AuditedResource.Step.none());
    }

    public void delete(RequestContext ctx, String id) {
        resource.delete(ctx, ctx.accountId(), id, AuditedResource.Step.none());
    }

    /** A new secret (given, or generated); the old one signs nothing from now on. */
    public WithSecret rotateSecret(RequestContext ctx, String id, String given) {
        String accountId = ctx.accountId();
        String secret = given == null ? secrets.generate() : WebhookSecrets.given("secret", given);
        String sealed = secrets.seal(secret);
        Webhook rotated = transactions.inTransaction(tx -> {
            Webhook before = webhooks.lock(tx, accountId, id).orElseThrow(() -> resource.notFound(id));
            Webhook after = before.withSecret(sealed, StoredTime.now(clock));
            webhooks.update(tx, after);
            auditor.record(tx, ctx, accountId, "webhook.secret_rotated", "webhook", id,
                    new Changes().field("secret", "(previous)", "(new)").list());
            return after;
        });
        return new WithSecret(rotated, secret);
    }

    /** A subscription's deliveries, newest first, before {@code beforeId} (null: from the newest). */
    public List<WebhookDelivery> deliveries(RequestContext ctx, String id, Long beforeId, int limit) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> {
            webhooks.find(tx, accountId, id).orElseThrow(() -> resource.notFound(id));
            return events.ofWebhook(tx, id, beforeId, limit);
        });
    }

    /** Queues the delivery's event to the subscription again, as a new delivery; returns it. */
    public WebhookDelivery redeliver(RequestContext ctx, String id, long deliveryId) {
        String accountId = ctx.accountId();
        WebhookDelivery queued = transactions.inTransaction(tx -> {
            webhooks.find(tx, accountId, id).orElseThrow(() -> resource.notFound(id));
            WebhookDelivery original = events.delivery(tx, id, deliveryId)
                    .orElseThrow(() -> new NotFoundException("delivery " + deliveryId));
            WebhookDelivery again = events.enqueue(tx, WebhookDelivery.queued(id, original.eventId(), accountId, StoredTime.now(clock)));
            auditor.record(tx, ctx, accountId, "webhook.redelivered", "webhook", id,
                    new Changes().field("delivery", Long.toString(deliveryId), Long.toString(again.id())).list());
            return again;
        });
        nudge.run();
        return queued;
    }

    private static Set<EventType> types(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidFieldException("events", "must name at least one event type");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            types.add(EventType.ofWire(name).orElseThrow(() -> new InvalidFieldException("events[" + index + "]",
                    "unknown event type '" + name + "'; known: " + known())));
        }
        return types;
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    /** The field-level audit of a change; the secret is never in it. */
    private static List<FieldChange> changes(Webhook before, Webhook after) {
        return new Changes()
                .field("url", before == null ? null : before.url(), after == null ? null : after.url())
                .field("events", before == null ? null : eventList(before), after == null ? null : eventList(after))
                .field("enabled", before == null ? null : BooleanNode.valueOf(before.enabled()),
                        after == null ? null : BooleanNode.valueOf(after.enabled()))
                .list();
    }

    private static JsonNode eventList(Webhook webhook) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        webhook.orderedEvents().forEach(type -> list.add(type.wireName()));
        return list;
    }
}
