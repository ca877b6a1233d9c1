package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A template is refused at start when a formula or rule over a list table is broken, though no document has rows yet. */
class TemplateLibraryValidationTest {

    private static void add(String json) throws Exception {
        TemplateLibrary.shipped().add(TemplateParser.parse(new ByteArrayInputStream(
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8))));
    }

    private static String list(String formula, String rule) {
        return "{'id':'t','title':'t','sections':[{'key':'projects','title':'项目','kind':'list','labelColumn':'name',"
                + "'totalRow':{'key':'total','label':'合计'},'rowKinds':[{'key':'project','title':'项目'},"
                + "{'key':'part','title':'子项','parents':['project']}],"
                + "'columns':[{'key':'name','title':'名称','kind':'text'},{'key':'total','title':'合计','formula':'" + formula
                + "'},{'key':'gpb','title':'一般公共预算'}]}],'rules':[{'id':'R15','message':'m','left':'" + rule
                + "','right':'projects!total.total','forEachRowOf':'projects'}]}";
    }

    @Test
    void aBrokenListFormulaOrPerRowRuleStopsTheTemplate() throws Exception {
        assertDoesNotThrow(() -> add(list("gpb", "projects!{row}.gpb")));
        assertThrows(IllegalArgumentException.class, () -> add(list("gpb + nowhere", "projects!{row}.gpb")));
        assertThrows(IllegalArgumentException.class, () -> add(list("gpb", "projects!{row}.gpb +")));
        assertThrows(IllegalArgumentException.class, () -> add(list("gpb", "projects!{row}.name")),
                "a rule may not sum a text cell");
    }
}
