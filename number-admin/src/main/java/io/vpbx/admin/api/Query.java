package io.vpbx.admin.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vpbx.admin.domain.InvalidFieldException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads query parameters with the same rules everywhere, naming the parameter when one is wrong. Each route
 * declares the parameters it takes with {@link #takes}; any other is refused, so that a misspelt or
 * unsupported filter ({@code GET /v1/numbers?mask=...}) never silently widens an answer.
 */
public final class Query {
    private final int defaultPageSize;
    private final int maxPageSize;

    public Query(int defaultPageSize, int maxPageSize) {
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /** A route's first handler: 400 naming the first query parameter not among {@code names}. */
    public static Handler<RoutingContext> takes(String... names) {
        Set<String> accepted = Set.of(names);
        String listed = accepted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(accepted));
        return rc -> {
            Set<String> given;
            try {
                given = rc.queryParams().names();
            } catch (HttpException | IllegalArgumentException e) {
                throw ApiException.badRequest("query", "the query string is not valid percent-encoding");
            }
            for (String name : given) {
                if (!accepted.contains(name)) {
                    throw ApiException.badRequest(printable(name), "unknown query parameter '" + printable(name)
                            + "'; this operation takes: " + listed);
                }
            }
            rc.next();
        };
    }

    /** A route that takes no query parameter at all. */
    public static Handler<RoutingContext> takesNone() {
        return takes();
    }

    /** A name as it may be echoed in a problem: at most 100 characters, control characters and lone surrogates as '?'. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 100; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

    public String text(RoutingContext rc, String name) {
        List<String> values = rc.queryParam(name);
        if (values.size() > 1) {
            throw new InvalidFieldException(name, "is given more than once");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        String value = values.get(0).trim();
        if (value.length() > 200) {
            throw new InvalidFieldException(name, "is too long");
        }
        return value;
    }

    public int limit(RoutingContext rc) {
        String value = text(rc, "limit");
        if (value == null) {
            return defaultPageSize;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= maxPageSize) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("limit", "must be a whole number 1.." + maxPageSize + ", got '" + value + "'");
    }

    public BigDecimal decimal(RoutingContext rc, String name) {
        String value = text(rc, name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal decimal = new BigDecimal(value);
            if (decimal.signum() >= 0) {
                return decimal;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException(name, "must be a non-negative amount, got '" + value + "'");
    }

    public Instant instant(RoutingContext rc, String name) {
        String value = text(rc, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, got '" + value + "'");
        }
    }

    public boolean flag(RoutingContext rc, String name) {
        String value = text(rc, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidFieldException(name, "must be true or false, got '" + value + "'");
    }

    /** Opaque page cursors: the parts of the last item's sort key, joined and base64url-encoded. */
    public static String encodeCursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    public String[] cursor(RoutingContext rc, int parts) {
        String value = text(rc, "cursor");
        if (value == null) {
            return null;
        }
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (decoded.length == parts) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
    }
}
