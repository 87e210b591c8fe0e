package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

public final class JdbcOutboxStore implements OutboxStore {

    @Override
    public void appendSms(Tx tx, OutboxMessage message) throws SQLException {
        IdQueries.update(tx, "INSERT INTO sms_outbox (to_phone, body, created_at) VALUES (?, ?, ?)", message.to(),
                message.body(), Timestamp.from(message.createdAt()));
    }

    @Override
    public void appendEmail(Tx tx, OutboxMessage message) throws SQLException {
        IdQueries.update(tx, "INSERT INTO email_outbox (to_address, subject, body, created_at, attachment_name, "
                        + "attachment_size) VALUES (?, ?, ?, ?, ?, ?)", message.to(), message.subject(), message.body(),
                Timestamp.from(message.createdAt()), message.attachmentName(),
                message.attachmentSize() == null ? new IdQueries.SqlNull(Types.BIGINT) : message.attachmentSize());
    }

    @Override
    public List<OutboxMessage> sms(Tx tx, String toPhone, int limit) throws SQLException {
        return read(tx, "SELECT id, to_phone AS recipient, NULL AS subject, body, created_at, NULL AS attachment_name, "
                + "NULL AS attachment_size FROM sms_outbox"
                + (toPhone == null ? "" : " WHERE to_phone = ?") + " ORDER BY id DESC LIMIT ?", toPhone, limit);
    }

    @Override
    public List<OutboxMessage> email(Tx tx, String toAddress, int limit) throws SQLException {
        return read(tx, "SELECT id, to_address AS recipient, subject, body, created_at, attachment_name, attachment_size "
                + "FROM email_outbox"
                + (toAddress == null ? "" : " WHERE to_address = ?") + " ORDER BY id DESC LIMIT ?", toAddress, limit);
    }

    private static List<OutboxMessage> read(Tx tx, String sql, String recipient, int limit) throws SQLException {
        Object[] values = recipient == null ? new Object[] {limit} : new Object[] {recipient, limit};
        return IdQueries.query(tx, rs -> new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getString("attachment_name"),
                rs.getObject("attachment_size") == null ? null : rs.getLong("attachment_size")), sql, values);
    }
}
