package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composer on small in-memory parts and lists, one feature at a time. */
class TemplateComposerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> resources = new HashMap<>();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private TemplateComposerTest resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    private ObjectNode compose(String template) {
        return new TemplateComposer(path -> {
            String text = resources.get(path);
            if (text == null) {
                throw new IllegalArgumentException("missing template resource " + path);
            }
            return json(text);
        }).compose(json(template));
    }

    private static JsonNode section(ObjectNode composed, int i) {
        return composed.get("sections").get(i);
    }

    private static List<String> keys(JsonNode items) {
        List<String> keys = new ArrayList<>();
        items.forEach(i -> keys.add(i.path("key").asText()));
        return keys;
    }

    private static final String TABLE = "{'kind':'codeTree','codeSystem':'function','title':'part title',"
            + "'columns':[{'key':'total','title':'合计','formula':'basic + project'},{'key':'basic','title':'基本支出'},"
            + "{'key':'project','title':'项目支出'}]}";

    @Test
    void aSectionStartsFromItsPartAndItsOwnFieldsWin() {
        resource("parts/t.json", TABLE);
        ObjectNode out = compose("{'id':'x','sections':[{'use':'t','key':'gp_exp','title':'一般公共预算支出表'}]}");
        JsonNode s = section(out, 0);
        assertEquals("gp_exp", s.get("key").asText());
        assertEquals("一般公共预算支出表", s.get("title").asText());
        assertEquals("function", s.get("codeSystem").asText());
        assertEquals(List.of("total", "basic", "project"), keys(s.get("columns")));
        assertFalse(s.has("use"));
    }

    @Test
    void columnsAreDroppedAddedAndOverridden() {
        resource("parts/t.json", TABLE);
        JsonNode s = section(compose("{'sections':[{'use':'t','key':'k','dropColumns':['project'],"
                + "'addColumns':[{'key':'upper','title':'上缴上级支出'},{'key':'carry','title':'结转','after':'total'}],"
                + "'columnOverrides':{'total':{'formula':'basic + upper','header':['预算数']}}}]}"), 0);
        assertEquals(List.of("total", "carry", "basic", "upper"), keys(s.get("columns")));
        assertEquals("basic + upper", s.get("columns").get(0).get("formula").asText());
        assertEquals("预算数", s.get("columns").get(0).get("header").get(0).asText());
        assertFalse(s.get("columns").get(1).has("after"), "the placement hint is not part of the column");
    }

    @Test
    void droppingAColumnRemovesItFromRowsToo() {
        resource("parts/t.json", "{'kind':'fixed','columns':[{'key':'a','title':'a'},{'key':'b','title':'b'}],"
                + "'rows':[{'key':'r','label':'r','columns':['a','b'],'formulas':{'a':'x.a','b':'x.b'}}]}");
        JsonNode row = section(compose("{'sections':[{'use':'t','key':'k','dropColumns':['b']}]}"), 0).get("rows").get(0);
        assertEquals(1, row.get("columns").size());
        assertFalse(row.get("formulas").has("b"));
        assertTrue(row.get("formulas").has("a"));
    }

    @Test
    void rowsAreDroppedAddedBeforeOrAfterAndOverridden() {
        resource("parts/t.json", "{'kind':'fixed','columns':[{'key':'amount','title':'预算数'}],"
                + "'rows':[{'key':'a','label':'A'},{'key':'b','label':'B'},{'key':'c','label':'C'}]}");
        JsonNode s = section(compose("{'sections':[{'use':'t','key':'k','dropRows':['b'],"
                + "'addRows':[{'key':'x','label':'X','before':'a'},{'key':'y','label':'Y','before':'a'},"
                + "{'key':'z','label':'Z','after':'a'},{'key':'w','label':'W'}],"
                + "'rowOverrides':{'c':{'label':'C2','sumRows':['a','z']}}}]}"), 0);
        assertEquals(List.of("x", "y", "a", "z", "c", "w"), keys(s.get("rows")));
        JsonNode c = s.get("rows").get(4);
        assertEquals("C2", c.get("label").asText());
        assertEquals(2, c.get("sumRows").size());
        assertFalse(s.get("rows").get(0).has("before"));
    }

    @Test
    void placingOrOverridingByAnUnknownKeyIsATemplateError() {
        resource("parts/t.json", TABLE);
        assertThrows(IllegalArgumentException.class,
                () -> compose("{'sections':[{'use':'t','key':'k','addColumns':[{'key':'x','title':'x','after':'nope'}]}]}"));
        assertThrows(IllegalArgumentException.class,
                () -> compose("{'sections':[{'use':'t','key':'k','addColumns':[{'key':'x','title':'x','before':'nope'}]}]}"));
        assertThrows(IllegalArgumentException.class,
                () -> compose("{'sections':[{'use':'t','key':'k','columnOverrides':{'nope':{'title':'x'}}}]}"));
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'use':'absent','key':'k'}]}"));
        resource("parts/list.json", "[1, 2]");
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'use':'list','key':'k'}]}"));
    }

    @Test
    void partsMayBuildOnParts() {
        resource("parts/t.json", TABLE);
        resource("parts/t2.json", "{'use':'t','title':'inner','dropColumns':['project'],"
                + "'columnOverrides':{'total':{'formula':'basic'}}}");
        JsonNode s = section(compose("{'sections':[{'use':'t2','key':'k'}]}"), 0);
        assertEquals("inner", s.get("title").asText());
        assertEquals(List.of("total", "basic"), keys(s.get("columns")));
        assertEquals("basic", s.get("columns").get(0).get("formula").asText());
    }

    private static final String CLASSES = "[{'code':'201','name':'一般公共服务支出'},{'code':'205','name':'教育支出'},"
            + "{'code':'208','name':'社会保障和就业支出'},{'code':'210','name':'卫生健康支出'}]";

    @Test
    void aGeneratorGivesOneRowPerListEntryWithItsCodeSubstituted() {
        resource("lists/classes.json", CLASSES);
        JsonNode rows = section(compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'classes','keyPrefix':'exp_','ordinal':'（一）','skipCodes':['205'],"
                + "'row':{'level':1,'formulas':{'gpb':'gp_exp!{code}.total'},'columns':['{code}']}},"
                + "{'key':'exp_current','label':'本年支出','sumRows':['exp_*']}]}]}"), 0).get("rows");
        assertEquals(List.of("exp_201", "exp_208", "exp_210", "exp_current"), keys(rows));
        JsonNode first = rows.get(0);
        assertEquals("（一）一般公共服务支出", first.get("label").asText());
        assertEquals("201", first.get("code").asText());
        assertEquals("gp_exp!201.total", first.get("formulas").get("gpb").asText());
        assertEquals("201", first.get("columns").get(0).asText(), "{code} is replaced inside arrays too");
        assertEquals("（三）卫生健康支出", rows.get(2).get("label").asText(), "skipped codes take no number");
        // The wildcard names every row with the prefix except the row itself, in row order.
        assertEquals("[\"exp_201\",\"exp_208\",\"exp_210\"]", rows.get(3).get("sumRows").toString());
    }

    @Test
    void aGeneratorCanPickCodesNumberFromAnyStartLeaveOutTheCodeAndTreatSingleCodes() {
        resource("lists/classes.json", CLASSES);
        JsonNode rows = section(compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'classes','keyPrefix':'e_','ordinal':'1、','startAt':3,'code':false,"
                + "'codes':['208','210'],'row':{'level':2},'perCode':{'210':{'label':'卫生健康','formulas':{'a':'{code}'}}}}]}]}"),
                0).get("rows");
        assertEquals(List.of("e_208", "e_210"), keys(rows));
        assertEquals("3、社会保障和就业支出", rows.get(0).get("label").asText());
        assertFalse(rows.get(0).has("code"));
        assertEquals("卫生健康", rows.get(1).get("label").asText());
        assertEquals("210", rows.get(1).get("formulas").get("a").asText());
        assertEquals(2, rows.get(1).get("level").asInt());
    }

    @Test
    void aGeneratorNamingCodesTheListLacksIsATemplateError() {
        resource("lists/classes.json", CLASSES);
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'classes','codes':['299']}]}]}"));
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'classes','perCode':{'299':{'label':'x'}}}]}]}"));
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'classes','ordinal':'第一'}]}]}"));
        resource("lists/bad.json", "{'code':'201'}");
        assertThrows(IllegalArgumentException.class, () -> compose("{'sections':[{'key':'k','kind':'fixed','rows':["
                + "{'generate':'bad'}]}]}"));
    }

    @Test
    void aGeneratorInAPartIsRetargetedByItsKey() {
        resource("lists/classes.json", CLASSES);
        resource("lists/other.json", "[{'code':'221','name':'住房保障支出'}]");
        resource("parts/t.json", "{'kind':'fixed','rows':[{'key':'lines','generate':'classes','keyPrefix':'x_'}]}");
        JsonNode rows = section(compose("{'sections':[{'use':'t','key':'k','rowOverrides':{'lines':{'generate':'other'}}}]}"),
                0).get("rows");
        assertEquals(List.of("x_221"), keys(rows));
    }

    @Test
    void includedRulesAndChecksNamingAbsentSectionsAreLeftOut() {
        resource("parts/rules.json", "[{'id':'A','left':'gp_exp!total.basic','right':'basic_exp!total.total'},"
                + "{'id':'B','left':'gp_exp!total.total','right':'projects!total.total'},"
                + "{'id':'C','left':'gp_exp!{row}.total','right':'gp_exp!{row}.basic','forEachRowOf':'dept_exp'},"
                + "{'id':'D','check':'indicators','sections':['perf_indicators']}]");
        ObjectNode out = compose("{'sections':[{'key':'gp_exp','kind':'fixed'},{'key':'basic_exp','kind':'fixed'}],"
                + "'rules':[{'id':'own','left':'x!a.b','right':'x!a.c'},{'include':'rules'}],"
                + "'checks':[{'include':'rules'}]}");
        assertEquals(List.of("own", "A"), ids(out.get("rules")));
        assertEquals(List.of("A"), ids(out.get("checks")));
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void ordinalsReadAsPrinted() {
        assertEquals("（十二）", Ordinals.format("（一）", 12));
        assertEquals("(二十)", Ordinals.format("(一)", 20));
        assertEquals("三十一、", Ordinals.format("一、", 31));
        assertEquals("24、", Ordinals.format("1、", 24));
        assertEquals("(3)", Ordinals.format("(1)", 3));
        assertEquals("", Ordinals.format("none", 7));
        assertThrows(IllegalArgumentException.class, () -> Ordinals.chinese(100));
    }

    @Test
    void theShippedTemplatesComposeFromTheirParts() {
        // Every shipped template loads (the library validates each against both years' code lists).
        TemplateLibrary library = TemplateLibrary.shipped();
        assertEquals(List.of("anhui-dept", "shaanxi-unit", "hebei-dept"),
                library.all().stream().map(t -> t.id()).toList());
    }
}
