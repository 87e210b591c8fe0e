package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    private static final String PASSWORD = "s3cret-db-pass";
    private static final String OPERATOR_KEY = "operator-key-0123456789-abcdef";

    @Test
    void storageToStringHidesPassword() {
        StorageConfig storage = new StorageConfig(Path.of("data"),
                Optional.of("jdbc:postgresql://vpbx:" + PASSWORD + "@db/vpbx?password=" + PASSWORD), "vpbx", PASSWORD, 5);
        String text = storage.toString();
        assertFalse(text.contains(PASSWORD), text);
        assertTrue(text.contains("password=****"), text);
        assertTrue(text.contains("user=vpbx"), text);
    }

    @Test
    void securityToStringHidesOperatorKey() {
        String text = new SecurityConfig(Optional.of(OPERATOR_KEY)).toString();
        assertFalse(text.contains(OPERATOR_KEY), text);
        assertEquals("SecurityConfig[operatorKey=****, allowedPrivateTargets=[]]", text);
        assertEquals("SecurityConfig[operatorKey=<generate on first start>, allowedPrivateTargets=[]]",
                new SecurityConfig(Optional.empty()).toString());
    }

    @Test
    void theSipRouteSecretIsMaskedAndMustBeLongEnough() {
        String secret = "route-secret-0123456789-abcdefghij";
        LoadedConfig loaded = ConfigLoader.resolve(new String[] {"--sip.route-secret=" + secret}, Map.of());

        assertEquals(Optional.of(secret), loaded.config().sip().routeSecret());
        assertEquals("**** (from flag --sip.route-secret)", loaded.effective().get("sip.route-secret"));
        assertFalse(loaded.config().toString().contains(secret));
        assertThrows(ConfigException.class, () -> ConfigLoader.resolve(new String[] {"--sip.route-secret=short"}, Map.of()));
    }

    @Test
    void effectiveViewMasksSecretsButKeepsSources() {
        LoadedConfig loaded = ConfigLoader.resolve(new String[] {"--operator.key=" + OPERATOR_KEY},
                Map.of("VPBX_DB_PASSWORD", PASSWORD, "VPBX_DB_URL", "jdbc:postgresql://db/vpbx?password=" + PASSWORD));

        assertEquals(PASSWORD, loaded.config().storage().password());
        assertEquals("**** (from env VPBX_DB_PASSWORD)", loaded.effective().get("db.password"));
        assertEquals("**** (from flag --operator.key)", loaded.effective().get("operator.key"));
        assertEquals("jdbc:postgresql://db/vpbx?password=**** (from env VPBX_DB_URL)", loaded.effective().get("db.url"));
        assertFalse(loaded.effective().toString().contains(PASSWORD));
        assertFalse(loaded.effective().toString().contains(OPERATOR_KEY));
        assertFalse(loaded.config().toString().contains(PASSWORD));
        assertFalse(loaded.config().toString().contains(OPERATOR_KEY));
    }

    @Test
    void effectiveViewCoversEveryKeyInFileOrder() {
        LoadedConfig loaded = ConfigLoader.resolve(new String[0], Map.of());
        List<String> keys = KeyCatalogue.bundled().keys().stream().map(ConfigKey::name).toList();
        assertEquals(keys, List.copyOf(loaded.effective().keySet()));
        assertEquals("\"\" (from defaults)", loaded.effective().get("db.password"));
    }

    @Test
    void invalidSecretIsReportedWithoutItsValue() {
        String shortKey = "too-short-key";
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(new String[0], Map.of("VPBX_OPERATOR_KEY", shortKey)));
        assertEquals(List.of("operator.key: expected empty (generate on first start) or at least 24 characters"
                + " but got a secret of 13 characters (from env VPBX_OPERATOR_KEY)"), e.problems());
        assertFalse(e.getMessage().contains(shortKey));
    }
}
