package io.vpbx.admin.service.audit;

/**
 * Told after commit about every audited change, by resource: how the SIP core's routing table follows
 * admin changes within milliseconds without ever reading the database on the call path.
 */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = (resourceType, resourceId) -> { };

    void changed(String resourceType, String resourceId);
}
