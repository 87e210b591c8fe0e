package io.vpbx.admin.domain.inventory;

/**
 * Something that uses a number or another resource (a forwarding rule of a number, later a caller ID or
 * a trunk), listed when a disconnect or delete is refused. {@code accountId} lets the caller hide
 * another tenant's details.
 */
public record NumberUser(String kind, String id, String accountId) {
    public String describe(String viewerAccountId) {
        if (viewerAccountId != null && !viewerAccountId.equals(accountId)) {
            return kind + " of another account";
        }
        return kind + " " + id;
    }
}
