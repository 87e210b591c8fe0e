package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** End users of accounts, with their documents sealed. */
public interface EndUserStore extends AccountResourceStore<EndUser> {
    /** The end user in whichever account holds it: for the operator, who acts for the verification authority. */
    Optional<EndUser> lockInAnyAccount(Tx tx, String endUserId) throws SQLException;

    /** The numbers bound to the end user now, as "binding of number +7...". */
    List<NumberUser> bindingsOf(Tx tx, String endUserId) throws SQLException;

    /** End users (not anonymized) with a document not sealed under {@code keyId}, across accounts, at most {@code limit}. */
    List<EndUser> sealedWithOtherKeys(Tx tx, String keyId, int limit) throws SQLException;

    /** End users whose valid document or agent's document expired before {@code today}, at most {@code limit}. */
    List<EndUser> withExpiredDocuments(Tx tx, java.time.LocalDate today, int limit) throws SQLException;

    /** End users with a valid status whose document or agent's document expires on {@code day}: reminders. */
    List<EndUser> withDocumentsExpiringOn(Tx tx, java.time.LocalDate day, int limit) throws SQLException;

    /** Not yet anonymized end users whose last number was released before {@code cutoff} and who hold none now. */
    List<EndUser> dueForErasure(Tx tx, Instant cutoff, int limit) throws SQLException;
}
