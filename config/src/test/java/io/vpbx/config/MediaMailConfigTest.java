package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaMailConfigTest {

    @Test
    void defaultsGiveARangeOfFiveThousandCallsAndTheDevelopmentOutbox() {
        VpbxConfig config = VpbxConfig.defaults();
        assertEquals(10000, config.media().rtpPortMin());
        assertEquals(20000, config.media().rtpPortMax());
        assertEquals(5000, config.media().sessionCapacity());
        assertEquals("127.0.0.1", config.media().advertisedHost());
        assertEquals(20L * 1024 * 1024, config.media().maxUploadBytes());
        assertEquals(Duration.ofSeconds(120), config.voicemail().maxLength());
        assertFalse(config.mail().smtp());
    }

    @Test
    void rangesSizesAndSecurityAreRead() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--media.rtp-ports=30000-30099", "--media.max-upload-size=512k",
                "--mail.host=smtp.example", "--mail.security=tls", "--media.host=192.0.2.7"}, Map.of());
        assertEquals(50, config.media().sessionCapacity());
        assertEquals(512 * 1024, config.media().maxUploadBytes());
        assertTrue(config.mail().smtp());
        assertEquals("tls", config.mail().security());
        assertEquals("192.0.2.7", config.media().advertisedHost());
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigException odd = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(new String[] {"--media.rtp-ports=10001-20000"}, Map.of()));
        assertTrue(odd.getMessage().contains("media.rtp-ports"), odd.getMessage());
        ConfigException security = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(new String[] {"--mail.security=ssl"}, Map.of()));
        assertTrue(security.getMessage().contains("mail.security"), security.getMessage());
    }
}
