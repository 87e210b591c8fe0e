package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.service.compliance.BindingService;
import io.vpbx.admin.service.staff.CallerIdService;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.compliance.RegistryService;
import io.vpbx.admin.service.compliance.SelfSubmissions;
import java.util.Locale;

/**
 * Compliance actions on numbers: the binding to a responsible holder (/v1/numbers/{number}/binding),
 * answers to registry requests (/v1/registry-requests/{id}/...), and employees' outbound caller IDs.
 */
final class ComplianceRoutes implements Routes {
    record EndUserAnswer(String code, String reason) {
    }

    record OperatorAnswer(String decision, String reason) {
    }

    record CallerId(String number) {
    }

    private final BindingService bindings;
    private final RegistryService registry;
    private final CallerIdService callerIds;
    private final SelfSubmissions selfSubmissions;
    private final NumberInputs inputs;
    private final Exchange exchange;

    ComplianceRoutes(BindingService bindings, RegistryService registry, CallerIdService callerIds,
                     SelfSubmissions selfSubmissions, NumberInputs inputs, Exchange exchange) {
        this.selfSubmissions = selfSubmissions;
        this.bindings = bindings;
        this.registry = registry;
        this.callerIds = callerIds;
        this.inputs = inputs;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.put("/v1/numbers/:number/binding").handler(Query.takesNone()).handler(this::bind);
        router.get("/v1/numbers/:number/binding").handler(Query.takesNone()).handler(this::binding);
        router.post("/v1/registry-requests/:id/confirm").handler(Query.takesNone()).handler(rc -> endUserAnswer(rc,
                RegistryService.Decision.CONFIRM));
        router.post("/v1/registry-requests/:id/reject").handler(Query.takesNone()).handler(rc -> endUserAnswer(rc,
                RegistryService.Decision.REJECT));
        router.post("/v1/registry-requests/:id/verify").handler(Query.takesNone()).handler(this::operatorAnswer);
        router.post("/v1/registry-requests/self-submissions").handler(Query.takesNone()).handler(this::selfSubmission);
        router.put("/v1/employees/:id/caller-id").handler(Query.takesNone()).handler(this::setCallerId);
        router.get("/v1/employees/:id/caller-id").handler(Query.takesNone()).handler(this::getCallerId);
        router.delete("/v1/employees/:id/caller-id").handler(Query.takesNone()).handler(this::clearCallerId);
    }

    private void bind(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> {
            BindingService.Bound bound = bindings.bind(exchange.context(rc), e164, exchange.body(rc, BindingService.BindRequest.class));
            ObjectNode body = view(bound.binding());
            body.set("registry_request", view(bound.request()));
            return body;
        });
    }

    private void binding(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> {
            ObjectNode body = view(bindings.get(exchange.context(rc), e164));
            ArrayNode history = body.putArray("registry_requests");
            registry.forNumber(exchange.context(rc), e164).forEach(request -> history.add(view(request)));
            return body;
        });
    }

    private void endUserAnswer(RoutingContext rc, RegistryService.Decision decision) {
        exchange.blocking(rc, 200, () -> {
            EndUserAnswer answer = exchange.body(rc, EndUserAnswer.class);
            return view(registry.answerAsEndUser(exchange.context(rc), rc.pathParam("id"), answer.code(), decision, answer.reason()));
        });
    }

    private void operatorAnswer(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> {
            OperatorAnswer answer = exchange.body(rc, OperatorAnswer.class);
            RegistryService.Decision decision;
            try {
                decision = RegistryService.Decision.valueOf(String.valueOf(answer.decision()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("decision", "must be confirm or reject");
            }
            return view(registry.answerAsOperator(exchange.context(rc), rc.pathParam("id"), decision, answer.reason()));
        });
    }

    private void selfSubmission(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> {
            SelfSubmissions.Outcome outcome = selfSubmissions.submit(exchange.context(rc),
                    exchange.body(rc, SelfSubmissions.Submission.class));
            ObjectNode body = view(outcome.binding());
            body.put("end_user_id", outcome.endUser().id());
            body.set("registry_request", view(outcome.request()));
            return body;
        });
    }

    private void setCallerId(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> exchange.mapper().createObjectNode().put("caller_id",
                callerIds.set(exchange.context(rc), rc.pathParam("id"), exchange.body(rc, CallerId.class).number())));
    }

    private void getCallerId(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> exchange.mapper().createObjectNode().put("caller_id",
                callerIds.get(exchange.context(rc), rc.pathParam("id")).orElse(null)));
    }

    private void clearCallerId(RoutingContext rc) {
        exchange.blocking(rc, 204, () -> {
            callerIds.clear(exchange.context(rc), rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(Binding b) {
        return exchange.mapper().createObjectNode()
                .put("number", b.e164())
                .put("holder_type", b.holderType().wireName())
                .put("holder_id", b.holderId())
                .put("billing", b.billing().wireName())
                .put("status", b.status().wireName())
                .put("deadline_at", b.deadlineAt().toString())
                .put("bound_at", b.boundAt().toString())
                .put("confirmed_at", b.confirmedAt() == null ? null : b.confirmedAt().toString());
    }

    private ObjectNode view(RegistryRequest r) {
        return exchange.mapper().createObjectNode()
                .put("id", r.id())
                .put("number", r.e164())
                .put("holder_type", r.holderType().wireName())
                .put("holder_id", r.holderId())
                .put("status", r.status().wireName())
                .put("reason", r.reason())
                .put("code_attempts_left", r.codeAttemptsLeft())
                .put("submitted_at", r.submittedAt().toString())
                .put("decided_at", r.decidedAt() == null ? null : r.decidedAt().toString());
    }
}
