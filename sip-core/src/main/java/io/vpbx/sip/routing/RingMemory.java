package io.vpbx.sip.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the department strategies remember between calls: who answered last (memory hunt), who was rung
 * first last time (round robin), and when each member last took a call (least recent). In memory, per node.
 */
public final class RingMemory {
    private final Map<String, String> lastAnswered = new ConcurrentHashMap<>();
    private final Map<String, String> lastFirst = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCallMillis = new ConcurrentHashMap<>();

    public void answered(String departmentId, String employeeId, long atMillis) {
        lastAnswered.put(departmentId, employeeId);
        lastCallMillis.put(employeeId, atMillis);
    }

    void startedWith(String departmentId, String employeeId) {
        lastFirst.put(departmentId, employeeId);
    }

    String lastAnswered(String departmentId) {
        return lastAnswered.get(departmentId);
    }

    String lastFirst(String departmentId) {
        return lastFirst.get(departmentId);
    }

    long lastCall(String employeeId) {
        return lastCallMillis.getOrDefault(employeeId, 0L);
    }
}
