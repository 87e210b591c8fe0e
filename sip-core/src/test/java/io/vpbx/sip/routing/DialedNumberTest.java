package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DialedNumberTest {

    @Test
    void theFormsCarriersSendBecomeE164() {
        assertEquals("+74951234567", DialedNumber.toE164("+74951234567"));
        assertEquals("+74951234567", DialedNumber.toE164("74951234567"));
        assertEquals("+74951234567", DialedNumber.toE164("84951234567"), "the Russian trunk prefix 8");
        assertEquals("+74951234567", DialedNumber.toE164("+7 (495) 123-45-67"));
        assertEquals("+74951234567", DialedNumber.toE164("8.495.123.45.67"));
    }

    @Test
    void nationalAndInternationalPrefixesWithoutAPlus() {
        assertEquals("+74951234567", DialedNumber.toE164("4951234567"), "Russian national, 10 digits");
        assertEquals("+79161234567", DialedNumber.toE164("9161234567"), "Russian mobile, 10 digits");
        assertEquals("+78001234567", DialedNumber.toE164("8001234567"), "Russian toll-free, 10 digits");
        assertEquals("+4930123456", DialedNumber.toE164("004930123456"), "00 starts an international number");
        assertEquals("+8613812345678", DialedNumber.toE164("13812345678"), "a Chinese mobile");
        assertEquals("+861012345678", DialedNumber.toE164("01012345678"), "a Chinese city number with its trunk 0");
        assertEquals("+864001234567", DialedNumber.toE164("+864001234567"));
        assertNull(DialedNumber.toE164("0012"), "00 and too few digits");
    }

    @Test
    void anEightAfterAPlusIsACountryCode() {
        assertEquals("+84951234567", DialedNumber.toE164("+84951234567"));
    }

    @Test
    void userParametersAreNotPartOfTheNumber() {
        assertEquals("+74951234567", DialedNumber.toE164("+74951234567;npdi;rn=+74950000000"));
    }

    @Test
    void whatIsNoNumberIsNull() {
        assertNull(DialedNumber.toE164(null));
        assertNull(DialedNumber.toE164(""));
        assertNull(DialedNumber.toE164("alice"));
        assertNull(DialedNumber.toE164("12345"), "too short");
        assertNull(DialedNumber.toE164("+1234567890123456"), "longer than E.164 allows");
        assertNull(DialedNumber.toE164("7495+1234567"), "a plus only leads");
        assertNull(DialedNumber.toE164("+"));
    }
}
