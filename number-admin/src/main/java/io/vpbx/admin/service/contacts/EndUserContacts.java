package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.contact.HolderContact;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** End users as contact holders: their phone, once set, changes only through one-time codes. Anonymized ones have none. */
public final class EndUserContacts implements ContactHolders {
    private final EndUserStore endUsers;
    private final Clock clock;

    public EndUserContacts(EndUserStore endUsers, Clock clock) {
        this.endUsers = endUsers;
        this.clock = clock;
    }

    @Override
    public Optional<HolderContact> lock(Tx tx, String accountId, String holderId) throws SQLException {
        return endUsers.lock(tx, accountId, holderId).filter(u -> u.anonymizedAt() == null)
                .map(u -> new HolderContact(u.contactPhone(), u.contactEmail()));
    }

    @Override
    public void changePhone(Tx tx, String accountId, String holderId, String e164) throws SQLException {
        EndUser u = endUsers.lock(tx, accountId, holderId)
                .orElseThrow(() -> new SQLException("end user " + holderId + " vanished during a contact-phone change"));
        endUsers.update(tx, new EndUser(u.id(), u.accountId(), u.kind(), u.relation(), u.jurisdiction(), u.fullName(),
                u.birthDate(), u.address(), e164, u.contactEmail(), u.documentType(), u.documentSealed(), u.documentFingerprint(),
                u.documentLast4(), u.documentExpiresOn(), u.documentStatus(), u.documentStatusReason(), u.agentFullName(),
                u.agentDocumentType(), u.agentDocumentSealed(), u.agentDocumentLast4(), u.agentDocumentExpiresOn(), u.authorizationLetter(), u.createdAt(),
                StoredTime.now(clock), u.lastNumberReleasedAt(), u.anonymizedAt()));
    }
}
