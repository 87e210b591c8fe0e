package io.vpbx.admin.service.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.audit.FieldChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionDiffTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    private static String show(List<FieldChange> changes) {
        return String.join("; ", changes.stream().map(c -> c.field() + ": " + c.before() + " -> " + c.after()).toList());
    }

    @Test
    void onlyChangedLeavesAreListedByTheirPaths() throws Exception {
        JsonNode before = json("{'name':'A','steps':{'m':{'type':'menu','options':{'1':'s','2':'h'}},"
                + "'vm':{'type':'voicemail','recipients':['a@x.example',{'employee_id':'e-1'}]},'h':{'type':'hangup','code':480}}}");
        JsonNode after = json("{'name':'A','steps':{'m':{'type':'menu','options':{'1':'s','2':'s'}},"
                + "'vm':{'type':'voicemail','recipients':['a@x.example',{'employee_id':'e-2'}]},'p':{'type':'play','media':'m-1'}}}");
        assertEquals("steps.h.code: 480 -> null; steps.h.type: \"hangup\" -> null; steps.m.options.2: \"h\" -> \"s\"; "
                        + "steps.p.media: null -> \"m-1\"; steps.p.type: null -> \"play\"; "
                        + "steps.vm.recipients[1].employee_id: \"e-1\" -> \"e-2\"",
                show(DefinitionDiff.of(before, after)));
        assertEquals(List.of(), DefinitionDiff.of(before, before.deepCopy()));
        assertEquals("name: null -> \"A\"", show(DefinitionDiff.of(null, json("{'name':'A'}"))));
    }
}
