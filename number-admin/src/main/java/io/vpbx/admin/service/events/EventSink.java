package io.vpbx.admin.service.events;

import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.List;

/** Where events are recorded inside the transaction of their cause ({@link EventOutbox}); {@link #NONE} keeps none. */
@FunctionalInterface
public interface EventSink {
    EventSink NONE = (tx, events) -> { };

    void record(Tx tx, List<NewEvent> events) throws SQLException;
}
