package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the jurisdiction's rules keep copies of the papers ({@code compliance.document-files-required}), a number is
 * bound only to an end user whose papers are on file: a scan of the holder's document and, for a holder acting
 * through an agent, a scan of the agent's document and an authorization letter.
 */
public final class FilesOnRecord {
    private final DocumentFileStore files;
    private final Set<String> requiredIn;

    public FilesOnRecord(DocumentFileStore files, Set<String> requiredIn) {
        this.files = files;
        this.requiredIn = Set.copyOf(requiredIn);
    }

    public void require(Tx tx, EndUser endUser) throws SQLException {
        if (!requiredIn.contains(endUser.jurisdiction().name())) {
            return;
        }
        List<String> missing = new ArrayList<>();
        need(tx, endUser, DocumentFile.Purpose.DOCUMENT_SCAN, missing);
        if (endUser.agentFullName() != null) {
            need(tx, endUser, DocumentFile.Purpose.AGENT_DOCUMENT_SCAN, missing);
            need(tx, endUser, DocumentFile.Purpose.AUTHORIZATION_LETTER, missing);
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("in " + endUser.jurisdiction() + " the papers are kept on file; end user " + endUser.id()
                    + " lacks " + missing + ": upload them with POST /v1/end-users/" + endUser.id() + "/files");
        }
    }

    private void need(Tx tx, EndUser endUser, DocumentFile.Purpose purpose, List<String> missing) throws SQLException {
        if (files.latest(tx, endUser.id(), purpose).isEmpty()) {
            missing.add(purpose.wireName());
        }
    }
}
