package io.vpbx.admin.domain.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.telephony.forwarding.Fallback;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingCodecTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ForwardingCodec codec = new ForwardingCodec(mapper, new PhoneNumberParser());

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void everyTargetKindRoundTripsThroughJson() throws Exception {
        List<Forwarding> all = List.of(
                new Forwarding(new ForwardingTarget.Employee("e-1"), 20),
                new Forwarding(new ForwardingTarget.Department("d-1"), 30),
                new Forwarding(new ForwardingTarget.Scenario("ivr-main"), 30),
                new Forwarding(new ForwardingTarget.PlatformPbx("+74951234567"), 45),
                new Forwarding(new ForwardingTarget.ExternalNumber("+12125550123"), 60),
                new Forwarding(new ForwardingTarget.ExternalPbx(List.of(new SipUri("sip:a.example.com"),
                        new SipUri("sips:b.example.com:5061;transport=tls"))), 15));
        for (Forwarding forwarding : all) {
            assertEquals(forwarding, codec.readForwarding("forwarding", codec.write(forwarding)));
        }
        List<Fallback> fallbacks = List.of(new Fallback.HangUp(486), new Fallback.VoiceMessage("m-1"), new Fallback.VoiceMessage("m-2", 3, true, 486),
                new Fallback.Voicemail(List.of("a@example.com", "b@example.com"), "greeting-1"));
        for (Fallback fallback : fallbacks) {
            assertEquals(fallback, codec.readFallback("fallback", codec.write(fallback)));
        }
    }

    @Test
    void numbersAreNormalisedAndTheRingTimeDefaults() throws Exception {
        Forwarding forwarding = codec.readForwarding("forwarding",
                json("{\"target\":{\"type\":\"platform_pbx\",\"number\":\"8 (495) 123-45-67\"}}"));
        assertEquals(new ForwardingTarget.PlatformPbx("+74951234567"), forwarding.target());
        assertEquals(Forwarding.DEFAULT_RING_SECONDS, forwarding.ringTimeoutSeconds());
    }

    @Test
    void badShapesNameTheFieldAtFault() {
        assertField("forwarding.target.type", "{\"target\":{\"type\":\"fax\"}}");
        assertField("forwarding.target.uris[1]", "{\"target\":{\"type\":\"external_pbx\",\"uris\":[\"sip:ok.example.com\",\"http://x\"]}}");
        assertField("forwarding.target.uris", "{\"target\":{\"type\":\"external_pbx\",\"uris\":[]}}");
        assertField("forwarding.ring_timeout", "{\"target\":{\"type\":\"employee\",\"employee_id\":\"e\"},\"ring_timeout\":301}");
        assertField("forwarding.target.number", "{\"target\":{\"type\":\"external_number\",\"number\":\"+1 212\"}}");
        assertField("forwarding.target.department_id", "{\"target\":{\"type\":\"employee\",\"department_id\":\"d\"}}");
        assertField("forwarding.target", "{\"target\":\"e-1\"}");
    }

    @Test
    void fallbackRulesAreChecked() {
        InvalidFieldException code = assertThrows(InvalidFieldException.class,
                () -> codec.readFallback("fallback", json("{\"type\":\"hang_up\",\"sip_code\":200}")));
        assertEquals("fallback.sip_code", code.field());
        InvalidFieldException mail = assertThrows(InvalidFieldException.class,
                () -> codec.readFallback("fallback", json("{\"type\":\"voicemail\",\"recipients\":[\"boss\"]}")));
        assertEquals("fallback.recipients[0]", mail.field());
        assertEquals(new Fallback.HangUp(480), codec.readFallback("fallback", mapper.createObjectNode().put("type", "hang_up")));
    }

    @Test
    void voicemailRecipientsAreAddressesOrEmployeesKeptAsEmployeeReferences() throws Exception {
        Fallback read = codec.readFallback("fallback", json("{\"type\":\"voicemail\",\"recipients\":"
                + "[\" sales@acme.example \",{\"employee_id\":\"e-1\"}]}"));
        assertEquals(new Fallback.Voicemail(List.of("sales@acme.example", "employee:e-1"), null), read);
        JsonNode written = codec.write(read).get("recipients");
        assertEquals("sales@acme.example", written.get(0).asText());
        assertEquals("e-1", written.get(1).get("employee_id").asText());
        assertEquals(read, codec.readFallback("fallback", codec.write(read)));

        assertRecipient("fallback.recipients[0]", "[\"employee:e-1\"]");
        assertRecipient("fallback.recipients[1].employee_id", "[\"a@b.example\",{\"employee_id\":\"\"}]");
        assertRecipient("fallback.recipients[0].name", "[{\"employee_id\":\"e-1\",\"name\":\"Anna\"}]");
        assertRecipient("fallback.recipients[0]", "[42]");
        assertRecipient("fallback.recipients[0]", "[\"a@b@c.example\"]");
    }

    private void assertRecipient(String field, String recipients) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> codec.readFallback("fallback",
                json("{\"type\":\"voicemail\",\"recipients\":" + recipients + "}")));
        assertEquals(field, e.field());
    }

    @Test
    void uriValuesThatWouldInjectIntoSipAreRefusedNamingTheUri() {
        for (String uri : new String[] {"sip:127.0.0.1:5099;x=a\r\nX-Injected: yes", "sip:127.0.0.1:5099?Subject=pwn",
                "sip:127.0.0.1:5099;maddr=10.0.0.1", "sip:127.0.0.1:5099\nX-Injected: yes", "sip:127.0.0.1:5099\u0000",
                "sip:evil@127.0.0.9>;tag=x,<sip:y", "sip:0x7f000001"}) {
            String json = mapper.createObjectNode().set("target", mapper.createObjectNode().put("type", "external_pbx")
                    .set("uris", mapper.createArrayNode().add("sip:ok.example.com").add(uri))).toString();
            assertField("forwarding.target.uris[1]", json);
        }
    }

    @Test
    void externalNumbersTakeAsciiDigitsOnly() throws Exception {
        assertEquals(new ForwardingTarget.ExternalNumber("+12125550123"), codec.readForwarding("forwarding",
                json("{\"target\":{\"type\":\"external_number\",\"number\":\"+1 212 555-0123\"}}")).target());
        // fullwidth, Arabic-Indic and Devanagari digits: Character.isDigit says yes, a carrier's gateway says no
        for (String number : new String[] {"+\uFF11\uFF12\uFF11\uFF12\uFF15\uFF15\uFF15\uFF10\uFF11\uFF12\uFF13",
                "+1212555\u0660\u0661\u0662\u0663", "+1212555\u0966\u0967\u0968\u0969", "+7\uFF19\uFF10\uFF10 123 45 67"}) {
            assertField("forwarding.target.number", mapper.createObjectNode().set("target", mapper.createObjectNode()
                    .put("type", "external_number").put("number", number)).toString());
        }
    }

    @Test
    void idsWithControlCharactersAreRefused() {
        assertField("forwarding.target.employee_id", "{\"target\":{\"type\":\"employee\",\"employee_id\":\"e-1\\r\\n\"}}");
        assertField("forwarding.target.scenario_id", "{\"target\":{\"type\":\"scenario\",\"scenario_id\":\"ivr\\u0000\"}}");
    }

    private void assertField(String field, String json) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> codec.readForwarding("forwarding", json(json)));
        assertEquals(field, e.field(), e.getMessage());
    }
}
