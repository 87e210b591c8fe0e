package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.voicemail.Recipient;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.calls.CallSimulator;
import io.vpbx.admin.service.media.MediaService;
import io.vpbx.admin.service.numbers.NumberService;
import io.vpbx.admin.service.staff.EmployeeService;
import io.vpbx.telephony.scenario.ServiceCode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * POST /v1/numbers/{number}/simulate: the path a call to one of the account's own numbers would take at {@code at}
 * (default: now), the caller pressing {@code digits}; {@code number} may also be one of the account's service codes
 * ({@code *12}, {@code %2A12} in the URL): what an employee's phone dialling it runs. Another account's number or code
 * is not found; the answer changes nothing, so nothing is audited.
 */
final class SimulateRoutes implements Routes {
    static final int MAX_DIGIT_ENTRIES = 20;
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{0,32}");
    private static final int MAX_CALLER = 64;

    private final Optional<CallSimulator> simulator;
    private final NumberService numbers;
    private final MediaService media;
    private final EmployeeService employees;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Clock clock;

    SimulateRoutes(Optional<CallSimulator> simulator, NumberService numbers, MediaService media, EmployeeService employees,
                   NumberInputs inputs, Exchange exchange, Clock clock) {
        this.simulator = simulator;
        this.numbers = numbers;
        this.media = media;
        this.employees = employees;
        this.inputs = inputs;
        this.exchange = exchange;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/numbers/:number/simulate").handler(Query.takesNone()).handler(this::simulate);
    }

    private void simulate(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> {
            RequestContext ctx = exchange.context(rc);
            String accountId = ctx.accountId();
            String raw = rc.pathParam("number");
            boolean serviceCode = ServiceCode.isServiceCode(raw);
            String called = serviceCode ? raw : inputs.one("number", raw);
            ObjectNode body = exchange.bodyTree(rc);
            CallSimulator.Request request = new CallSimulator.Request(accountId, called, at(body.get("at")),
                    caller(body.get("caller")), digits(body.get("digits")));
            String what = (serviceCode ? "service code " : "number ") + called;
            if (!serviceCode && !accountId.equals(numbers.get(ctx, called).accountId())) {
                throw new NotFoundException(what);
            }
            CallSimulator sip = simulator.orElseThrow(() -> new ApiException(503, null,
                    "calls cannot be simulated: this node runs no SIP side", 0));
            CallSimulator.Simulation simulation = sip.simulate(request)
                    .orElseThrow(() -> new NotFoundException(what + (serviceCode ? "" : " (not routed yet)")));
            return view(ctx, request, simulation);
        });
    }

    private Instant at(JsonNode node) {
        if (node == null || node.isNull()) {
            return clock.instant();
        }
        if (!node.isTextual()) {
            throw new InvalidFieldException("at", "must be a date-time with an offset, e.g. 2026-12-31T23:30:00+03:00");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("at", "must be a date-time with an offset, e.g. 2026-12-31T23:30:00+03:00");
        }
    }

    private static String caller(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_CALLER) {
            throw new InvalidFieldException("caller", "must be a phone number or name of up to " + MAX_CALLER + " characters");
        }
        return node.asText();
    }

    private static List<String> digits(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_DIGIT_ENTRIES) {
            throw new InvalidFieldException("digits", "must be a list of up to " + MAX_DIGIT_ENTRIES + " key strings");
        }
        List<String> digits = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (!entry.isTextual() || !KEYS.matcher(entry.asText()).matches()) {
                throw new InvalidFieldException("digits[" + i + "]", "must be up to 32 keys of 0-9, * and #");
            }
            digits.add(entry.asText());
        }
        return digits;
    }

    private ObjectNode view(RequestContext ctx, CallSimulator.Request request, CallSimulator.Simulation simulation) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("number", request.called())
                .put("at", request.at().toString());
        ArrayNode path = node.putArray("path");
        List<String> warnings = new ArrayList<>(simulation.warnings());
        for (CallSimulator.Entry entry : simulation.entries()) {
            ObjectNode item = path.addObject().put("kind", entry.kind());
            if (entry.kind().equals("prompt")) {
                item.put("media_id", entry.text()).put("name", mediaName(ctx, entry.text()));
            } else {
                item.put("text", entry.text());
            }
            if (entry.scenario() != null) {
                item.put("scenario", entry.scenario());
            }
            if (entry.kind().equals("ring")) {
                item.put("ring_seconds", entry.ringSeconds());
                ArrayNode phones = item.putArray("phones");
                entry.phones().forEach(phone -> phones.addObject()
                        .put("employee_id", phone.employeeId())
                        .put("kind", phone.kind())
                        .put("destination", phone.destination())
                        .put("registration", phone.registered() ? "registered" : "not_applicable"));
            }
            if (entry.kind().equals("voicemail")) {
                ArrayNode recipients = item.putArray("recipients");
                for (String stored : entry.recipients()) {
                    Recipient recipient = Recipient.parse(stored);
                    if (recipient instanceof Recipient.Employee employee) {
                        recipients.addObject().put("employee_id", employee.employeeId());
                        withoutEmail(ctx, employee.employeeId()).ifPresent(warnings::add);
                    } else {
                        recipients.add(stored);
                    }
                }
            }
        }
        warnings.stream().distinct().forEach(node.putArray("warnings")::add);
        return node;
    }

    /** A warning when the employee a voicemail is mailed to has no e-mail address on record (or is gone). */
    private Optional<String> withoutEmail(RequestContext ctx, String employeeId) {
        try {
            Employee employee = employees.get(ctx, employeeId);
            return employee.email() == null || employee.email().isBlank()
                    ? Optional.of("the voicemail recipient " + employee.name() + " has no email: the message is not mailed to them")
                    : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.of("the voicemail recipient employee " + employeeId + " no longer exists");
        }
    }

    /** The name the account gave a clip; null for the built-in ones (voicemail greeting, beep) and clips gone. */
    private String mediaName(RequestContext ctx, String mediaId) {
        try {
            return media.get(ctx, mediaId).name();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
