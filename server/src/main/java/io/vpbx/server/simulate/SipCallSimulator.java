package io.vpbx.server.simulate;

import io.vpbx.admin.service.calls.CallSimulator;
import io.vpbx.sip.uas.RouteSimulator;
import io.vpbx.sip.uas.SimulatedCall;
import io.vpbx.telephony.scenario.ServiceCode;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin side's {@link CallSimulator} answered by the SIP side's {@link RouteSimulator}: the same router, scenario
 * script and registrar bindings as real calls; this class only carries the request in and the entries out.
 */
public final class SipCallSimulator implements CallSimulator {
    private final RouteSimulator simulator;

    public SipCallSimulator(RouteSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Optional<Simulation> simulate(Request request) {
        try {
            Optional<SimulatedCall> call = ServiceCode.isServiceCode(request.called())
                    ? simulator.simulateServiceCode(request.accountId(), request.called(), request.at(), request.caller(),
                            request.digits())
                    : simulator.simulate(request.accountId(), request.called(), request.at(), request.caller(),
                            request.digits());
            return call.map(SipCallSimulator::simulation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the simulation of a call to " + request.called() + " was interrupted", e);
        }
    }

    private static Simulation simulation(SimulatedCall call) {
        return new Simulation(call.entries().stream().map(entry -> new Entry(entry.kind().name().toLowerCase(Locale.ROOT),
                entry.text(), entry.scenario(), entry.phones().stream().map(phone -> new Phone(phone.employeeId(),
                        phone.kind(), phone.destination(), phone.registered())).toList(), entry.ringSeconds(),
                entry.recipients())).toList(),
                call.warnings());
    }
}
