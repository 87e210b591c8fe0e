package io.vpbx.admin.domain.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.number.InvalidPhoneNumberException;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.voicemail.Recipient;
import io.vpbx.telephony.forwarding.Fallback;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes forwarding rules and fallbacks as JSON: the same shape in the API and in storage.
 * Reading checks the shape and names the offending field; whether a referenced employee or
 * department exists is the service's business.
 */
public final class ForwardingCodec {
    private static final int MAX_FAILOVER_URIS = 8;
    private static final int MAX_RECIPIENTS = 20;
    private static final int MAX_ID_LENGTH = 80;

    private final ObjectMapper mapper;
    private final PhoneNumberParser numbers;

    public ForwardingCodec(ObjectMapper mapper, PhoneNumberParser numbers) {
        this.mapper = mapper;
        this.numbers = numbers;
    }

    public Forwarding readForwarding(String field, JsonNode node) {
        requireObject(field, node, Set.of("target", "ring_timeout", "schedule"));
        JsonNode ring = node.get("ring_timeout");
        int ringTimeout = Forwarding.DEFAULT_RING_SECONDS;
        if (ring != null && !ring.isNull()) {
            if (!ring.canConvertToInt() || !ring.isIntegralNumber()) {
                throw new InvalidFieldException(field + ".ring_timeout", "must be a whole number of seconds");
            }
            ringTimeout = ring.intValue();
            if (ringTimeout < Forwarding.MIN_RING_SECONDS || ringTimeout > Forwarding.MAX_RING_SECONDS) {
                throw new InvalidFieldException(field + ".ring_timeout", "must be " + Forwarding.MIN_RING_SECONDS
                        + ".." + Forwarding.MAX_RING_SECONDS + " seconds, got " + ringTimeout);
            }
        }
        JsonNode schedule = node.get("schedule");
        return new Forwarding(readTarget(field + ".target", node.get("target")), ringTimeout,
                schedule == null || schedule.isNull() ? null : readSchedule(field + ".schedule", schedule));
    }

    /** {@code {"schedule_id": "<id>", "closed": {"target": {...}}}}; a {@code closed} without a target is the fallback. */
    private ForwardingSchedule readSchedule(String field, JsonNode node) {
        requireObject(field, node, Set.of("schedule_id", "closed"));
        String scheduleId = id(field + ".schedule_id", node.get("schedule_id"));
        JsonNode closed = node.get("closed");
        if (closed == null || closed.isNull()) {
            return new ForwardingSchedule(scheduleId, null);
        }
        requireObject(field + ".closed", closed, Set.of("target"));
        JsonNode target = closed.get("target");
        return new ForwardingSchedule(scheduleId,
                target == null || target.isNull() ? null : readTarget(field + ".closed.target", target));
    }

    /** A forwarding target alone ({@code {"type": ..., <reference>: ...}}): a number's, or a scenario's forward step's. */
    public ForwardingTarget readTarget(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!node.isObject()) {
            throw new InvalidFieldException(field, "must be an object with a type");
        }
        String type = text(field + ".type", node.get("type"));
        String reference = referenceField(type);
        if (reference == null) {
            throw new InvalidFieldException(field + ".type", "must be one of employee, department, scenario, "
                    + "platform_pbx, external_pbx, external_number; got '" + type + "'");
        }
        requireObject(field, node, Set.of("type", reference));
        String refField = field + "." + reference;
        return switch (type) {
            case "employee" -> new ForwardingTarget.Employee(id(refField, node.get(reference)));
            case "department" -> new ForwardingTarget.Department(id(refField, node.get(reference)));
            case "scenario" -> new ForwardingTarget.Scenario(id(refField, node.get(reference)));
            case "platform_pbx" -> new ForwardingTarget.PlatformPbx(platformNumber(refField, node.get(reference)));
            case "external_number" -> new ForwardingTarget.ExternalNumber(externalNumber(refField, node.get(reference)));
            default -> new ForwardingTarget.ExternalPbx(uris(refField, node.get(reference)));
        };
    }

    public Fallback readFallback(String field, JsonNode node) {
        String type = text(field + ".type", node == null ? null : node.get("type"));
        return switch (type) {
            case "hang_up" -> {
                requireObject(field, node, Set.of("type", "sip_code"));
                JsonNode code = node.get("sip_code");
                int sipCode = code == null || code.isNull() ? 480 : code.asInt(-1);
                if (code != null && !code.isNull() && !code.isIntegralNumber() || sipCode < 400 || sipCode > 699) {
                    throw new InvalidFieldException(field + ".sip_code", "must be a SIP final response code 400..699");
                }
                yield new Fallback.HangUp(sipCode);
            }
            case "voice_message" -> {
                requireObject(field, node, Set.of("type", "media_id", "times", "early_media", "reject_code"));
                int times = intOr(field + ".times", node.get("times"), 1, 1, Fallback.VoiceMessage.MAX_TIMES);
                JsonNode early = node.get("early_media");
                if (early != null && !early.isNull() && !early.isBoolean()) {
                    throw new InvalidFieldException(field + ".early_media", "must be true or false");
                }
                boolean earlyMedia = early != null && early.asBoolean(false);
                int rejectCode = intOr(field + ".reject_code", node.get("reject_code"), 480, 400, 699);
                if (!earlyMedia && node.get("reject_code") != null && !node.get("reject_code").isNull()) {
                    throw new InvalidFieldException(field + ".reject_code", "applies only with early_media: true");
                }
                yield new Fallback.VoiceMessage(id(field + ".media_id", node.get("media_id")), times, earlyMedia, rejectCode);
            }
            case "voicemail" -> {
                requireObject(field, node, Set.of("type", "recipients", "greeting_media_id"));
                JsonNode greeting = node.get("greeting_media_id");
                String greetingId = greeting == null || greeting.isNull() ? null : id(field + ".greeting_media_id", greeting);
                yield new Fallback.Voicemail(readRecipients(field + ".recipients", node.get("recipients")), greetingId);
            }
            default -> throw new InvalidFieldException(field + ".type",
                    "must be one of hang_up, voice_message, voicemail; got '" + type + "'");
        };
    }

    public ObjectNode write(Forwarding forwarding) {
        ObjectNode node = mapper.createObjectNode();
        node.set("target", writeTarget(forwarding.target()));
        node.put("ring_timeout", forwarding.ringTimeoutSeconds());
        ForwardingSchedule schedule = forwarding.schedule();
        if (schedule != null) {
            ObjectNode closed = node.putObject("schedule").put("schedule_id", schedule.scheduleId()).putObject("closed");
            if (schedule.closedTarget() != null) {
                closed.set("target", writeTarget(schedule.closedTarget()));
            }
        }
        return node;
    }

    public ObjectNode write(Fallback fallback) {
        ObjectNode node = mapper.createObjectNode().put("type", fallback.kind());
        if (fallback instanceof Fallback.HangUp h) {
            node.put("sip_code", h.sipCode());
        } else if (fallback instanceof Fallback.VoiceMessage v) {
            node.put("media_id", v.mediaId());
            node.put("times", v.times());
            node.put("early_media", v.earlyMedia());
            if (v.earlyMedia()) {
                node.put("reject_code", v.rejectCode());
            }
        } else if (fallback instanceof Fallback.Voicemail v) {
            node.set("recipients", writeRecipients(v.recipients()));
            node.put("greeting_media_id", v.greetingMediaId());
        }
        return node;
    }

    public ObjectNode writeTarget(ForwardingTarget t) {
        ObjectNode target = mapper.createObjectNode().put("type", t.kind());
        if (t instanceof ForwardingTarget.ExternalPbx x) {
            ArrayNode uris = target.putArray("uris");
            x.uris().forEach(uri -> uris.add(uri.value()));
        } else {
            target.put(referenceField(t.kind()), t.reference());
        }
        return target;
    }

    /** Voicemail recipients as {@link #readRecipients} reads them: e-mail addresses and {@code {"employee_id": ...}}. */
    public ArrayNode writeRecipients(List<String> stored) {
        ArrayNode recipients = mapper.createArrayNode();
        for (String recipient : stored) {
            if (Recipient.parse(recipient) instanceof Recipient.Employee e) {
                recipients.addObject().put("employee_id", e.employeeId());
            } else {
                recipients.add(recipient);
            }
        }
        return recipients;
    }

    /** The field that carries a target kind's reference, or null for an unknown kind. */
    private static String referenceField(String kind) {
        return switch (kind) {
            case "employee" -> "employee_id";
            case "department" -> "department_id";
            case "scenario" -> "scenario_id";
            case "platform_pbx", "external_number" -> "number";
            case "external_pbx" -> "uris";
            default -> null;
        };
    }

    private static void requireObject(String field, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(field, "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(field + "." + name, "is not a known field here (expected " + allowed + ")");
            }
        }
    }

    private static String text(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!node.isTextual()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return FreeText.clean(field, node.textValue());
    }

    private static String id(String field, JsonNode node) {
        String value = text(field, node).trim();
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidFieldException(field, "must be 1.." + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private String platformNumber(String field, JsonNode node) {
        try {
            return numbers.parse(text(field, node)).e164();
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    /** Any country may be called out to; Russian and Chinese forms are normalised, others must be E.164. */
    private String externalNumber(String field, JsonNode node) {
        String raw = text(field, node).trim();
        String compact = raw.replaceAll("[\\s()\\-.]", "");
        if (compact.startsWith("+") && !compact.startsWith("+7") && !compact.startsWith("+86")) {
            String digits = compact.substring(1);
            if (digits.length() < 8 || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || digits.charAt(0) == '0') {
                throw new InvalidFieldException(field, "must be an E.164 number: + and 8..15 digits, got '" + raw + "'");
            }
            return compact;
        }
        return platformNumber(field, node);
    }

    private static List<SipUri> uris(String field, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidFieldException(field, "must be a non-empty list of SIP URIs, tried in order");
        }
        if (node.size() > MAX_FAILOVER_URIS) {
            throw new InvalidFieldException(field, "at most " + MAX_FAILOVER_URIS + " failover URIs");
        }
        List<SipUri> uris = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            uris.add(SipUri.of(field + "[" + i + "]", text(field + "[" + i + "]", node.get(i))));
        }
        return uris;
    }

    /** An optional whole number within bounds; absent or null gives the default. */
    private static int intOr(String field, JsonNode node, int whenAbsent, int min, int max) {
        if (node == null || node.isNull()) {
            return whenAbsent;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw new InvalidFieldException(field, "must be a whole number " + min + ".." + max);
        }
        return node.asInt();
    }

    /**
     * A voicemail's recipients: e-mail addresses, or {@code {"employee_id": "<id>"}} for an employee of the account
     * (kept as {@code employee:<id>}, {@link Recipient}); whether the employee exists is the service's business.
     */
    public static List<String> readRecipients(String field, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidFieldException(field, "must be a non-empty list of e-mail addresses or {\"employee_id\": ...}");
        }
        if (node.size() > MAX_RECIPIENTS) {
            throw new InvalidFieldException(field, "at most " + MAX_RECIPIENTS + " recipients");
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonNode item = node.get(i);
            Recipient recipient;
            if (item.isObject()) {
                requireObject(itemField, item, Set.of("employee_id"));
                recipient = Recipient.employee(itemField + ".employee_id", id(itemField + ".employee_id", item.get("employee_id")));
            } else if (item.isTextual()) {
                String address = text(itemField, item).trim();
                if (address.startsWith(Recipient.EMPLOYEE_PREFIX)) {
                    throw new InvalidFieldException(itemField, "an employee is given as {\"employee_id\": ...}");
                }
                recipient = Recipient.address(itemField, address);
            } else {
                throw new InvalidFieldException(itemField, "must be an e-mail address or {\"employee_id\": ...}");
            }
            recipients.add(recipient.stored());
        }
        return recipients;
    }
}
