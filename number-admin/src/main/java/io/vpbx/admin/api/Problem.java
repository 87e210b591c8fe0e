package io.vpbx.admin.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code field} names the offending input field, {@code errors} lists the
 * items that stand in the way of a 409; both are extension members. {@code extensions} are further members
 * written beside them (a limit's name and value).
 */
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<String> errors, String requestId, @JsonIgnore Map<String, Object> extensions) {

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public Problem(String type, String title, int status, String detail, String instance, String field,
                   List<String> errors, String requestId) {
        this(type, title, status, detail, instance, field, errors, requestId, Map.of());
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
