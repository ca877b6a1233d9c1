package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.classification.UnitType;
import io.yusuan.templates.SeedTables.Printed;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 部门经济 → 政府经济 map: seed 002's printed pairs, the 行政单位 side, 类 codes, unit-type labels. */
class GovEconomicMapTest {

    @Test
    void aPublicInstitutionGetsExactlyThePairsSeed002Prints() {
        CodeBook book = CodeBookLoader.load(2024);
        int pairs = 0;
        for (Printed p : SeedTables.seed002()) {
            if (p.govCode != null) {
                assertEquals(Optional.of(p.govCode), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, p.code), p.code);
                pairs++;
            }
        }
        assertEquals(32, pairs); // 表6 and 表8: 16 lines each (301xx → 50501, 302xx → 50502, 30309 → 50901)
        assertEquals(Optional.of("50501"), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, "301"));
        assertEquals(Optional.of("50502"), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, "302"));
        assertEquals(Optional.of("50901"), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, "303"));
    }

    @Test
    void anAdministrativeUnitMapsItsWagesInto501AndItsGoodsInto502() {
        for (int year : CodeListsTest.YEARS) {
            CodeBook book = CodeBookLoader.load(year);
            Map<String, String> map = book.govEconomicMap(UnitType.ADMINISTRATIVE);
            assertTrue(map.keySet().stream().anyMatch(c -> c.startsWith("301")));
            map.forEach((economic, gov) -> {
                if (economic.startsWith("301")) {
                    assertTrue(gov.startsWith("501"), economic + " -> " + gov);
                } else if (economic.startsWith("302")) {
                    assertTrue(gov.startsWith("502"), economic + " -> " + gov);
                }
            });
            assertEquals(Optional.of("50101"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "30101"));
            assertEquals(Optional.of("50102"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "30108"));
            assertEquals(Optional.of("50103"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "30113"));
            assertEquals(Optional.of("50201"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "30201"));
            // 类: the 款 of 301 go to several 501 款, so 301 maps to the 类 they share.
            assertEquals(Optional.of("501"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "301"));
            assertEquals(Optional.of("502"), book.govEconomicCode(UnitType.ADMINISTRATIVE, "302"));
            // The same 款 lands in a different 类 for the two unit types.
            assertEquals(Optional.of("50501"), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, "30101"));
        }
    }

    @Test
    void everyWageAndGoodsKuanOfTheListIsMappedForAPublicInstitution() {
        for (int year : CodeListsTest.YEARS) {
            CodeBook book = CodeBookLoader.load(year);
            book.codes(CodeSystem.ECONOMIC).keySet().stream()
                    .filter(c -> c.length() == 5 && (c.startsWith("301") || c.startsWith("302")))
                    .forEach(c -> assertEquals(Optional.of(c.startsWith("301") ? "50501" : "50502"),
                            book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, c), year + " " + c));
        }
    }

    @Test
    void unmappedAndMalformedCodesGiveNothing() {
        CodeBook book = CodeBookLoader.load(2024);
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, "30107")); // 绩效工资: no 行政 pair
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, "39999"));
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, "399"));
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, "3010"));
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, null));
        assertEquals(Optional.empty(), new CodeBook().govEconomicCode(UnitType.PUBLIC_INSTITUTION, "30101"));
        assertThrows(IllegalArgumentException.class, () -> new CodeBook().mapToGov(UnitType.ADMINISTRATIVE, "301", "501"));
    }

    @Test
    void aClassWhoseKuanGoToDifferentClassesHasNoSingleTarget() {
        CodeBook book = new CodeBook()
                .mapToGov(UnitType.PUBLIC_INSTITUTION, "30301", "50901")
                .mapToGov(UnitType.PUBLIC_INSTITUTION, "30302", "50999")
                .mapToGov(UnitType.ADMINISTRATIVE, "30301", "50901")
                .mapToGov(UnitType.ADMINISTRATIVE, "30399", "59999");
        assertEquals(Optional.of("509"), book.govEconomicCode(UnitType.PUBLIC_INSTITUTION, "303"));
        assertEquals(Optional.empty(), book.govEconomicCode(UnitType.ADMINISTRATIVE, "303"));
    }

    @Test
    void unitTypesAreReadFromTheLabelsBudgetsPrint() {
        for (String s : new String[]{"行政单位", "行政", "行政机关", "机关", " 行政 单位 ", "参照公务员法管理的事业单位",
                "参公单位", "参公事业单位", "参照公务员法管理事业单位", "（参照公务员法管理）事业单位"}) {
            assertEquals(Optional.of(UnitType.ADMINISTRATIVE), UnitType.fromLabel(s), s);
        }
        for (String s : new String[]{"事业单位", "事业", "公益一类事业单位", "公益二类事业单位", "全额拨款事业单位",
                "差额拨款事业单位", "自收自支事业单位", "财政补助事业单位"}) {
            assertEquals(Optional.of(UnitType.PUBLIC_INSTITUTION), UnitType.fromLabel(s), s);
        }
        for (String s : new String[]{"", "  ", "企业", "行政事业单位", "机关事业单位", "社会团体"}) {
            assertEquals(Optional.empty(), UnitType.fromLabel(s), s);
        }
        assertEquals(Optional.empty(), UnitType.fromLabel(null));
        assertEquals("行政单位", UnitType.ADMINISTRATIVE.label());
        assertEquals("事业单位", UnitType.PUBLIC_INSTITUTION.label());
        assertFalse(UnitType.fromLabel("事业单位").isEmpty());
    }
}
