package io.vpbx.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpbx.admin.RoutingSource;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPermissions;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.service.ChangeListener;
import io.vpbx.sip.routing.Fallback;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the SIP core's routing table equal to the admin side's numbers: a full load at startup, then
 * each committed change to a number re-reads that one number and replaces its entry (or removes it).
 * Runs after commit on the thread that made the change, so the entry is in place before the API answers.
 */
final class RoutingTableSync implements ChangeListener {
    private static final Logger log = LoggerFactory.getLogger(RoutingTableSync.class);

    private final RoutingTable table;
    private final CallPolicy policy = new CallPolicy();
    private final Timer propagation;
    private RoutingSource source;

    RoutingTableSync(RoutingTable table, MeterRegistry registry) {
        this.table = table;
        this.propagation = Timer.builder("vpbx.routing.propagation")
                .description("from a committed admin change to the routing table entry replaced")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The source exists only once the admin side is built, which itself needs this listener. */
    void attach(RoutingSource routingSource) {
        this.source = routingSource;
    }

    void loadAll() {
        long start = System.nanoTime();
        int count = source.numbersInService(record -> table.put(entry(record)));
        log.info("routing table loaded: {} numbers in {} ms", count, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void changed(String resourceType, String resourceId) {
        if (source == null || !"number".equals(resourceType)) {
            return;
        }
        long start = System.nanoTime();
        Optional<NumberRecord> record = source.number(resourceId);
        if (record.isPresent() && record.get().state().isOwned()) {
            table.put(entry(record.get()));
        } else {
            table.removeNumber(resourceId);
        }
        propagation.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static RouteEntry entry(NumberRecord r, CallPolicy policy) {
        CallPermissions permissions = policy.permissions(r.state(), r.suspension(), r.country(), r.type());
        int ring = r.forwarding() == null ? io.vpbx.admin.domain.forwarding.Forwarding.DEFAULT_RING_SECONDS
                : r.forwarding().ringTimeoutSeconds();
        return new RouteEntry(r.e164(), r.accountId(), permissions.inbound(), permissions.outbound(), permissions.reason(),
                r.forwarding() == null ? new Target.None() : target(r.forwarding().target()), ring, fallback(r.fallback()));
    }

    private RouteEntry entry(NumberRecord r) {
        return entry(r, policy);
    }

    private static Target target(ForwardingTarget t) {
        if (t instanceof ForwardingTarget.Employee e) {
            return new Target.Employee(e.employeeId());
        }
        if (t instanceof ForwardingTarget.Department d) {
            return new Target.Department(d.departmentId());
        }
        if (t instanceof ForwardingTarget.Scenario s) {
            return new Target.Scenario(s.scenarioId());
        }
        if (t instanceof ForwardingTarget.PlatformPbx p) {
            return new Target.PlatformNumber(p.number());
        }
        if (t instanceof ForwardingTarget.ExternalPbx x) {
            return new Target.ExternalPbx(x.uris().stream().map(uri -> uri.value()).toList());
        }
        if (t instanceof ForwardingTarget.ExternalNumber n) {
            return new Target.ExternalNumber(n.number());
        }
        return new Target.None();
    }

    private static Fallback fallback(io.vpbx.admin.domain.forwarding.Fallback f) {
        if (f instanceof io.vpbx.admin.domain.forwarding.Fallback.HangUp h) {
            return new Fallback.HangUp(h.sipCode(), ReasonPhrases.of(h.sipCode()));
        }
        if (f instanceof io.vpbx.admin.domain.forwarding.Fallback.VoiceMessage v) {
            return new Fallback.VoiceMessage(v.mediaId());
        }
        if (f instanceof io.vpbx.admin.domain.forwarding.Fallback.Voicemail v) {
            return new Fallback.Voicemail(v.recipients(), v.greetingMediaId());
        }
        return Fallback.standard();
    }
}
