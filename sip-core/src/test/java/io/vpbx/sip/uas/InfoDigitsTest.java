package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Digits in SIP INFO bodies as phones send them, and what is not a digit. */
class InfoDigitsTest {

    @Test
    void dtmfRelayCarriesTheDigitInItsSignalLine() {
        assertEquals(Optional.of('5'), InfoDigits.read("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals(Optional.of('#'), InfoDigits.read("Application/DTMF-Relay", "Signal= #\nDuration= 250\n"));
        assertEquals(Optional.of('*'), InfoDigits.read("application/dtmf-relay", "Duration=160\r\nSignal=10\r\n"));
        assertEquals(Optional.of('#'), InfoDigits.read("application/dtmf-relay", "Signal=11\r\n"));
        assertEquals(Optional.of('A'), InfoDigits.read("application/dtmf-relay;charset=utf-8", "signal=a"));
    }

    @Test
    void applicationDtmfIsTheDigitAlone() {
        assertEquals(Optional.of('7'), InfoDigits.read("application/dtmf", "7\r\n"));
    }

    @Test
    void otherBodiesAndBadSignalsAreNoDigit() {
        assertEquals(Optional.empty(), InfoDigits.read("application/media_control+xml", "<media_control/>"));
        assertEquals(Optional.empty(), InfoDigits.read("application/dtmf-relay", "Signal=E\r\n"));
        assertEquals(Optional.empty(), InfoDigits.read("application/dtmf-relay", "Duration=160\r\n"));
        assertEquals(Optional.empty(), InfoDigits.read("application/dtmf", "12"));
        assertEquals(Optional.empty(), InfoDigits.read(null, "Signal=1"));
    }
}
