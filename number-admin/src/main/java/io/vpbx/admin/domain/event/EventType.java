package io.vpbx.admin.domain.event;

import java.util.Arrays;
import java.util.Optional;

/** What an account's systems can subscribe to; the wire name is the dotted one ("call.ended"). */
public enum EventType {
    CALL_STARTED("call.started"),
    CALL_ANSWERED("call.answered"),
    CALL_ENDED("call.ended"),
    CALL_MISSED("call.missed"),
    VOICEMAIL_CREATED("voicemail.created"),
    NUMBER_STATE_CHANGED("number.state_changed"),
    NUMBER_PERMISSIONS_CHANGED("number.permissions_changed"),
    LINE_REGISTRATION_CHANGED("line.registration_changed"),
    COMPLIANCE_DEADLINE_APPROACHING("compliance.deadline_approaching"),
    REGISTRY_REQUEST_CHANGED("registry_request.changed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
