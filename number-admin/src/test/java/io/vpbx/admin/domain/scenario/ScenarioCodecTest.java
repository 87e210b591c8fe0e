package io.vpbx.admin.domain.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.ServiceCode;
import io.vpbx.telephony.scenario.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioCodecTest {
    /** The issue's example with every step type, in single quotes for reading. */
    static final String EXAMPLE = """
            {'name':'Main menu','start':'main','steps':{
             'main':{'type':'menu','prompt':'m-prompt','options':{'1':'sales','2':'hours','*':'ext','#':'hrs'},'timeout':5,
                     'retries':3,'invalid_prompt':'m-invalid','no_input_prompt':'m-none','default':'vm'},
             'hours':{'type':'play','media':'m-hours','repeat':1,'next':'main'},
             'sales':{'type':'forward','target':{'type':'department','department_id':'d-1'},'ring_timeout':20,'no_answer':'vm'},
             'ext':{'type':'collect','prompt':'m-ext','min_digits':3,'max_digits':4,'terminator':'#','timeout':5,
                    'extension':true,'invalid':'main'},
             'hrs':{'type':'time_condition','schedule_id':'s-1','open':'main','closed':'bye'},
             'vm':{'type':'voicemail','recipients':['sales@acme.example',{'employee_id':'e-1'}],'greeting':'m-greeting'},
             'bye':{'type':'hangup','code':480}}}""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScenarioCodec codec = new ScenarioCodec(mapper, new ForwardingCodec(mapper, new PhoneNumberParser()));

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    private Scenario read(String text) throws Exception {
        return codec.read("sc-1", "acc-1", 1, json(text));
    }

    /** The example with one step replaced (or added) by {@code stepJson}. */
    private String withStep(String name, String stepJson) throws Exception {
        ObjectNode node = (ObjectNode) json(EXAMPLE);
        ((ObjectNode) node.get("steps")).set(name, json(stepJson));
        return node.toString();
    }

    private void assertRefused(String field, String text) {
        InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> read(text));
        assertEquals(field, refused.field(), refused.getMessage());
    }

    @Test
    void theIssuesExampleReadsAsTheSharedModel() throws Exception {
        Scenario scenario = read(EXAMPLE);
        assertEquals("Main menu", scenario.name());
        assertEquals("main", scenario.start());
        assertEquals(new Step.Menu("m-prompt", Map.of("1", "sales", "2", "hours", "*", "ext", "#", "hrs"), Duration.ofSeconds(5), 3,
                "m-invalid", "m-none", "vm"), scenario.steps().get("main"));
        assertEquals(new Step.Play("m-hours", 1, "main"), scenario.steps().get("hours"));
        assertEquals(new Step.Forward(new Destination.Department("d-1"), Duration.ofSeconds(20), "vm"), scenario.steps().get("sales"));
        assertEquals(new Step.Collect("m-ext", 3, 4, '#', Duration.ofSeconds(5), true, null, null, "main"), scenario.steps().get("ext"));
        assertEquals(new Step.TimeCondition("s-1", "main", "bye"), scenario.steps().get("hrs"));
        assertEquals(new Step.Voicemail(List.of("sales@acme.example", "employee:e-1"), "m-greeting"), scenario.steps().get("vm"));
        assertEquals(new Step.Hangup(480), scenario.steps().get("bye"));
    }

    @Test
    void whatIsWrittenReadsBackEqualWithEveryDefaultFilledIn() throws Exception {
        Scenario scenario = read(EXAMPLE);
        ObjectNode written = codec.write(scenario);
        assertEquals(scenario, codec.read("sc-1", "acc-1", 1, written));
        assertEquals(json(EXAMPLE).get("steps").get("main"), written.get("steps").get("main"), "numbers stay whole numbers");
        assertEquals(written, mapper.readTree(written.toString()), "what is stored reads back as the same JSON");
        assertEquals("{\"type\":\"department\",\"department_id\":\"d-1\"}", written.get("steps").get("sales").get("target").toString());
        assertEquals("[\"sales@acme.example\",{\"employee_id\":\"e-1\"}]", written.get("steps").get("vm").get("recipients").toString());

        Scenario minimal = read("{'name':'Short','start':'a','steps':{'a':{'type':'play','media':'m'},"
                + "'m':{'type':'menu','prompt':'p','options':{'1':'a'}},'h':{'type':'hangup'},"
                + "'c':{'type':'collect','variable':'account'},'f':{'type':'forward','target':{'type':'employee','employee_id':'e'}}}}");
        assertEquals(new Step.Play("m", 1, null), minimal.steps().get("a"));
        assertEquals(new Step.Menu("p", Map.of("1", "a"), Duration.ofSeconds(5), 3, null, null, null), minimal.steps().get("m"));
        assertEquals(new Step.Hangup(480), minimal.steps().get("h"));
        assertEquals(new Step.Collect(null, 1, 15, '#', Duration.ofSeconds(5), false, "account", null, null), minimal.steps().get("c"));
        assertEquals(new Step.Forward(new Destination.Employee("e"), Duration.ofSeconds(30), null), minimal.steps().get("f"));
        assertEquals(minimal, codec.read("sc-1", "acc-1", 1, codec.write(minimal)));
    }

    @Test
    void everyForwardTargetKindReadsAsADestination() throws Exception {
        Map<String, Destination> targets = Map.of(
                "{'type':'employee','employee_id':'e-1'}", new Destination.Employee("e-1"),
                "{'type':'external_number','number':'+12125550123'}", new Destination.ExternalNumber("+12125550123"),
                "{'type':'platform_pbx','number':'8 (495) 123-45-67'}", new Destination.PlatformNumber("+74951234567"),
                "{'type':'external_pbx','uris':['sip:pbx.example.com','sips:b.example.com:5061']}",
                new Destination.ExternalPbx(List.of("sip:pbx.example.com", "sips:b.example.com:5061")),
                "{'type':'scenario','scenario_id':'sc-2'}", new Destination.Scenario("sc-2"));
        for (Map.Entry<String, Destination> target : targets.entrySet()) {
            Scenario scenario = read(withStep("sales", "{'type':'forward','target':" + target.getKey() + "}"));
            Step.Forward forward = (Step.Forward) scenario.steps().get("sales");
            assertEquals(target.getValue(), forward.target());
            assertEquals(scenario, codec.read("sc-1", "acc-1", 1, codec.write(scenario)), target.getKey());
        }
    }

    @Test
    void unknownStepTypesAndFieldsAreRefusedByTheirPath() throws Exception {
        assertRefused("steps.hours.type", withStep("hours", "{'type':'dance','media':'m'}"));
        assertRefused("steps.hours.type", withStep("hours", "{'media':'m'}"));
        assertRefused("steps.hours.volume", withStep("hours", "{'type':'play','media':'m','volume':3}"));
        assertRefused("steps.main.colour", withStep("main", "{'type':'menu','prompt':'p','options':{'1':'sales'},'colour':'red'}"));
        assertRefused("colour", "{'name':'x','start':'a','steps':{'a':{'type':'hangup'}},'colour':'red'}");
        assertRefused("steps.sales.target.number", withStep("sales", "{'type':'forward','target':{'type':'employee','number':'1'}}"));
        assertRefused("steps.sales.target.type", withStep("sales", "{'type':'forward','target':{'type':'fax','number':'1'}}"));
        assertRefused("steps.hours", withStep("hours", "'play'"));
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        assertRefused("name", "{'start':'a','steps':{'a':{'type':'hangup'}}}");
        assertRefused("start", "{'name':'x','steps':{'a':{'type':'hangup'}}}");
        assertRefused("steps", "{'name':'x','start':'a'}");
        assertRefused("steps", "{'name':'x','start':'a','steps':{}}");
        assertRefused("steps.hours.media", withStep("hours", "{'type':'play','next':'main'}"));
        assertRefused("steps.main.prompt", withStep("main", "{'type':'menu','options':{'1':'sales'}}"));
        assertRefused("steps.main.options", withStep("main", "{'type':'menu','prompt':'p'}"));
        assertRefused("steps.main.options", withStep("main", "{'type':'menu','prompt':'p','options':{}}"));
        assertRefused("steps.sales.target", withStep("sales", "{'type':'forward','ring_timeout':20}"));
        assertRefused("steps.hrs.schedule_id", withStep("hrs", "{'type':'time_condition','open':'main'}"));
        assertRefused("steps.vm.recipients", withStep("vm", "{'type':'voicemail'}"));
        assertRefused("steps.ext.variable", withStep("ext", "{'type':'collect','max_digits':4}"));
    }

    @Test
    void digitsMustBeKeysOfTheKeypad() throws Exception {
        assertRefused("steps.main.options.3x", withStep("main", "{'type':'menu','prompt':'p','options':{'3x':'sales'}}"));
        assertRefused("steps.main.options.A", withStep("main", "{'type':'menu','prompt':'p','options':{'A':'sales'}}"));
        assertRefused("steps.main.options.", withStep("main", "{'type':'menu','prompt':'p','options':{'':'sales'}}"));
        assertRefused("steps.ext.terminator", withStep("ext", "{'type':'collect','extension':true,'terminator':'x'}"));
        assertRefused("steps.ext.terminator", withStep("ext", "{'type':'collect','extension':true,'terminator':'##'}"));
        Step.Collect star = (Step.Collect) read(withStep("ext", "{'type':'collect','extension':true,'terminator':'*'}"))
                .steps().get("ext");
        assertEquals('*', star.terminator());
    }

    @Test
    void boundsAndTypesAreChecked() throws Exception {
        assertRefused("steps.main.timeout", withStep("main", "{'type':'menu','prompt':'p','options':{'1':'sales'},'timeout':0}"));
        assertRefused("steps.main.retries", withStep("main", "{'type':'menu','prompt':'p','options':{'1':'sales'},'retries':'3'}"));
        assertRefused("steps.hours.repeat", withStep("hours", "{'type':'play','media':'m','repeat':11}"));
        assertRefused("steps.sales.ring_timeout", withStep("sales",
                "{'type':'forward','target':{'type':'department','department_id':'d'},'ring_timeout':301}"));
        assertRefused("steps.bye.code", withStep("bye", "{'type':'hangup','code':200}"));
        assertRefused("steps.ext.max_digits", withStep("ext", "{'type':'collect','extension':true,'min_digits':5,'max_digits':4}"));
        assertRefused("steps.ext.extension", withStep("ext", "{'type':'collect','extension':'yes'}"));
        assertRefused("steps.ext.variable", withStep("ext", "{'type':'collect','extension':true,'variable':'x'}"));
        assertRefused("steps.ext.next", withStep("ext", "{'type':'collect','extension':true,'next':'main'}"));
        assertRefused("steps.ext.variable", withStep("ext", "{'type':'collect','variable':'Account No'}"));
        assertRefused("steps.hours.next", withStep("hours", "{'type':'play','media':'m','next':'no such step!'}"));
        assertRefused("steps.bad name", withStep("bad name", "{'type':'hangup'}"));
        assertRefused("steps.vm.recipients[0]", withStep("vm", "{'type':'voicemail','recipients':['not an address']}"));
        assertRefused("steps.sales.target.uris[0]", withStep("sales",
                "{'type':'forward','target':{'type':'external_pbx','uris':['http://example.com']}}"));
        assertRefused("start", "{'name':'x','start':'b','steps':{'a':{'type':'hangup'}}}");
        assertTrue(read(EXAMPLE).steps().size() == 7);
    }

    @Test
    void aServiceCodeIsAStarAndTwoToSixDigitsAndIsWrittenBack() throws Exception {
        ObjectNode node = (ObjectNode) json(EXAMPLE);
        node.put("service_code", "*12");
        Scenario scenario = codec.read("sc-1", "acc-1", 1, node);
        assertEquals(new ServiceCode("*12"), scenario.serviceCode());
        assertEquals("*12", codec.write(scenario).get("service_code").asText());
        assertEquals(null, read(EXAMPLE).serviceCode());
        assertTrue(codec.write(read(EXAMPLE)).path("service_code").isMissingNode(), "no code, no field");
        for (String bad : List.of("12", "*1", "*1234567", "#12", "*12a", "**12", " *12")) {
            node.put("service_code", bad);
            InvalidFieldException refused = assertThrows(InvalidFieldException.class,
                    () -> codec.read("sc-1", "acc-1", 1, node), bad);
            assertEquals("service_code", refused.field(), bad);
        }
        node.put("service_code", 12);
        assertEquals("service_code", assertThrows(InvalidFieldException.class,
                () -> codec.read("sc-1", "acc-1", 1, node)).field());
    }

    @Test
    void aForwardMayDialWhatACollectKeptAsANumberOrAnExtension() throws Exception {
        String number = withStep("sales", "{'type':'forward','target':{'type':'external_number','number_from':'callback'}}");
        Step.Forward forward = (Step.Forward) read(number).steps().get("sales");
        assertEquals(new Destination.Collected(Destination.Collected.Kind.NUMBER, "callback"), forward.target());
        assertEquals("callback", codec.write(read(number)).get("steps").get("sales").get("target").get("number_from").asText());

        String extension = withStep("sales", "{'type':'forward','target':{'type':'employee','extension_from':'ext'}}");
        assertEquals(new Destination.Collected(Destination.Collected.Kind.EXTENSION, "ext"),
                ((Step.Forward) read(extension).steps().get("sales")).target());
        assertEquals(json("{'type':'employee','extension_from':'ext'}"),
                codec.write(read(extension)).get("steps").get("sales").get("target"));

        assertRefused("steps.sales.target.type", withStep("sales",
                "{'type':'forward','target':{'type':'department','number_from':'callback'}}"));
        assertRefused("steps.sales.target.number_from", withStep("sales",
                "{'type':'forward','target':{'type':'external_number','number_from':'Call Back'}}"));
        assertRefused("steps.sales.target.employee_id", withStep("sales",
                "{'type':'forward','target':{'type':'employee','extension_from':'ext','employee_id':'e-1'}}"));
    }
}
