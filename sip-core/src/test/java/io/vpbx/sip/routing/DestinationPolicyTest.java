package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an account's calls out may go: domestic yes, abroad and premium rate only when allowed. */
class DestinationPolicyTest {
    private static final String MOSCOW = "+74951230001";
    private static final PremiumRatePrefixes PREMIUM = PremiumRatePrefixes.bundled();
    private final DestinationPolicy defaults = new DestinationPolicy(false, false, List.of(), PREMIUM);

    @Test
    void countryCodesOfOneTwoAndThreeDigits() {
        assertEquals("+1", CountryCodes.of("+12125550100"));
        assertEquals("+7", CountryCodes.of("+74951230001"));
        assertEquals("+77", CountryCodes.of("+77172123456"), "Kazakhstan shares zone 7");
        assertEquals("+44", CountryCodes.of("+442071234567"));
        assertEquals("+86", CountryCodes.of("+861012345678"));
        assertEquals("+375", CountryCodes.of("+375171234567"));
        assertEquals("+979", CountryCodes.of("+979123456789"));
        assertNull(CountryCodes.of("74951230001"));
    }

    @Test
    void domesticCallsPassAndCallsAbroadAreRefusedByDefault() {
        assertNull(defaults.check(MOSCOW, "+78122345678"));
        assertNull(defaults.check(MOSCOW, "+79161234567"));
        assertNull(defaults.check("+861012345678", "+862112345678"));
        assertEquals(DestinationPolicy.Refusal.INTERNATIONAL, defaults.check(MOSCOW, "+442071234567"));
        assertEquals(DestinationPolicy.Refusal.INTERNATIONAL, defaults.check(MOSCOW, "+77172123456"));
        assertEquals(DestinationPolicy.Refusal.INTERNATIONAL, defaults.check("+861012345678", "+74951230001"));
    }

    @Test
    void premiumRateIsRefusedEvenAtHomeAndEvenWhenInternationalIsAllowed() {
        assertTrue(PREMIUM.prefixes().contains("+7809"));
        assertEquals(DestinationPolicy.Refusal.PREMIUM_RATE, defaults.check(MOSCOW, "+78091234567"));
        assertEquals(DestinationPolicy.Refusal.PREMIUM_RATE, defaults.check("+861012345678", "+8616812345"));
        DestinationPolicy abroad = new DestinationPolicy(true, false, List.of(), PREMIUM);
        assertEquals(DestinationPolicy.Refusal.PREMIUM_RATE, abroad.check(MOSCOW, "+979123456789"));
        assertNull(abroad.check(MOSCOW, "+442071234567"));
        assertNull(new DestinationPolicy(false, true, List.of(), PREMIUM).check(MOSCOW, "+78091234567"));
    }

    @Test
    void anAllowedPrefixOpensThatDestinationOnly() {
        DestinationPolicy belarus = new DestinationPolicy(false, false, List.of("+375"), PREMIUM);
        assertNull(belarus.check(MOSCOW, "+375171234567"));
        assertEquals(DestinationPolicy.Refusal.INTERNATIONAL, belarus.check(MOSCOW, "+380441234567"));
    }
}
