package io.vpbx.admin.store;

import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carrier trunks, read and written with their source addresses as a whole, in order. Trunks belong to the
 * platform (the operator's), so reads are not scoped to an account. A write that would give one source
 * address to two trunks throws {@link io.vpbx.admin.domain.ConflictException}.
 */
public interface TrunkStore {
    void create(Tx tx, Trunk trunk) throws SQLException;

    Optional<Trunk> find(Tx tx, String trunkId) throws SQLException;

    /** The trunk, locked until the transaction ends. */
    Optional<Trunk> lock(Tx tx, String trunkId) throws SQLException;

    /** Trunks by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<Trunk> list(Tx tx, String afterId, int limit) throws SQLException;

    /** Writes every field but the id and the creation time, and replaces the source addresses with the given list. */
    void update(Tx tx, Trunk trunk) throws SQLException;

    /** Deletes the trunk and its addresses; returns whether it existed. */
    boolean delete(Tx tx, String trunkId) throws SQLException;

    /** Which trunk holds each of {@code addresses} that some trunk holds: what a new trunk's addresses collide with. */
    Map<SourceAddress, String> holders(Tx tx, Collection<SourceAddress> addresses) throws SQLException;
}
