package io.vpbx.server.kamailio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: Kamailio up on UDP and TCP with its RPC answering, and gone with all its workers once closed. */
class KamailioTest {

    @Test
    void startsOnAFreePortAnsweringOptionsAndRpcAndStopsWithItsWorkers() throws Exception {
        Kamailio operator = Kamailio.start(OperatorConfig.defaults(5090));
        List<ProcessHandle> processes;
        try {
            processes = ProcessHandle.of(operator.pid()).map(handle -> handle.descendants().toList()).orElseThrow();
            assertFalse(processes.isEmpty(), "kamailio forks its workers");
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(Kamailio.HOST))) {
                probe.setSoTimeout(2_000);
                String reply = SipProbe.options(probe, operator.port(), 1);
                assertTrue(reply != null && reply.startsWith("SIP/2.0 200 OK"), reply);
            }
            try (Socket tcp = new Socket(Kamailio.HOST, operator.port())) {
                assertTrue(tcp.isConnected(), "listens on TCP too");
            }
            assertEquals(List.of(), operator.bindings(), operator.describe());
            assertTrue(operator.log().contains("OPTIONS sip:127.0.0.1:" + operator.port()), operator.describe());
        } finally {
            operator.close();
        }

        assertFalse(operator.isAlive());
        processes.forEach(worker -> assertFalse(worker.isAlive(), "worker " + worker.pid() + " is gone"));
    }

    @Test
    void twoOperatorsRunSideBySide() {
        try (Kamailio first = Kamailio.start(OperatorConfig.defaults(5090));
                Kamailio second = Kamailio.start(OperatorConfig.defaults(5091).withRealm("other.test"))) {
            assertTrue(first.port() != second.port());
            assertTrue(first.isAlive() && second.isAlive());
        }
    }
}
