package io.vpbx.admin.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256, as lowercase hex, over a length-prefixed encoding of the tag
 * {@value #TAG} and then prev_hash, id, at, account_id, actor, source_ip, request_id, action,
 * resource_type, resource_id and changes. Each field is its UTF-8 byte length in decimal, a colon and
 * the bytes; a null field is a single {@code -}. A length can never start with {@code -}, so no field
 * boundary can be shifted. {@code at} is written as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC: the
 * microseconds H2 and PostgreSQL keep.
 */
public final class AuditHasher {
    /** The hash the first entry of the chain links to. */
    public static final String GENESIS = "0".repeat(64);
    static final String TAG = "vpbx-audit-chain/1";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditHasher() {
    }

    /** The entry that follows {@code head}: its id, its time cut to microseconds, its link and its hash. */
    public static AuditChainEntry next(ChainHead head, AuditEvent event, String changesJson) {
        AuditChainEntry entry = new AuditChainEntry(head.lastId() + 1, storable(event.at()), event.accountId(), event.actor(),
                event.sourceIp(), event.requestId(), event.action(), event.resourceType(), event.resourceId(), changesJson,
                head.lastHash(), null);
        return entry.withEntryHash(hash(entry));
    }

    /** The hash {@code entry} must carry, computed from its content and its prev_hash (its own entry_hash is ignored). */
    public static String hash(AuditChainEntry entry) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, TAG);
        field(canonical, entry.prevHash());
        field(canonical, Long.toString(entry.id()));
        field(canonical, format(entry.at()));
        field(canonical, entry.accountId());
        field(canonical, entry.actor());
        field(canonical, entry.sourceIp());
        field(canonical, entry.requestId());
        field(canonical, entry.action());
        field(canonical, entry.resourceType());
        field(canonical, entry.resourceId());
        field(canonical, entry.changes());
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The instant as the databases keep it: cut to microseconds. Hash and store only this. */
    public static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code at} as the hash covers it, and as exports show it. */
    public static String format(Instant at) {
        return at == null ? null : AT.format(storable(at));
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
            return;
        }
        out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
