package io.vpbx.sip.uas;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The employees' extensions in memory, kept current by the routing sync (put on every employee change, removed
 * with the employee): the {@link ExtensionDirectory} a scenario's collect step reads on the event loop without
 * locking. Writers take turns so that an employee's old extension is dropped when it gets a new one.
 */
public final class EmployeeExtensions implements ExtensionDirectory {
    /** Employee id by "account extension". */
    private final Map<String, String> employees = new ConcurrentHashMap<>();
    /** Each employee's key in {@link #employees}, to drop it on a change. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Object writes = new Object();

    @Override
    public Optional<String> employee(String accountId, String extension) {
        return Optional.ofNullable(employees.get(key(accountId, extension)));
    }

    /** The employee's extension in its account; a null extension removes the one it had. */
    public void put(String employeeId, String accountId, String extension) {
        synchronized (writes) {
            removeKey(employeeId);
            if (extension != null && !extension.isBlank()) {
                String key = key(accountId, extension);
                employees.put(key, employeeId);
                keys.put(employeeId, key);
            }
        }
    }

    public void remove(String employeeId) {
        synchronized (writes) {
            removeKey(employeeId);
        }
    }

    private void removeKey(String employeeId) {
        String before = keys.remove(employeeId);
        if (before != null) {
            employees.remove(before, employeeId);
        }
    }

    private static String key(String accountId, String extension) {
        return accountId + ' ' + extension;
    }
}
