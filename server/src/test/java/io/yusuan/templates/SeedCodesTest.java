package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.templates.SeedTables.Printed;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every classification code the seeds print in their tables is in that year's list with the name
 * printed beside it, except the seeds' own defects (DOMAIN.md), which are asserted to be exactly
 * the mismatches: the lists neither miss a printed code nor silently accept a wrong one.
 */
class SeedCodesTest {

    private static String normalized(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }

    private static CodeSystem systemOf(String code) {
        return switch (code.charAt(0)) {
            case '2' -> CodeSystem.FUNCTION;
            case '3' -> CodeSystem.ECONOMIC;
            case '5' -> CodeSystem.GOV_ECONOMIC;
            default -> throw new IllegalArgumentException("not a classification code: " + code);
        };
    }

    private static String check(CodeBook book, String code, String printed) {
        String standard = book.nameOf(systemOf(code), code).orElse(null);
        if (standard == null) {
            return code + " " + normalized(printed) + " not in list";
        }
        return normalized(standard).equals(normalized(printed)) ? null
                : code + " " + normalized(printed) + " ≠ " + standard;
    }

    /** The mismatches of these printed lines against the book, and the number of distinct codes checked. */
    private static Set<String> mismatches(CodeBook book, List<Printed> printed, Set<String> checked) {
        Set<String> out = new TreeSet<>();
        for (Printed p : printed) {
            checked.add(p.code);
            String m = check(book, p.code, p.name);
            if (m != null) {
                out.add(m);
            }
            if (p.govCode != null) {
                checked.add(p.govCode);
                String g = check(book, p.govCode, p.govName);
                if (g != null) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    @Test
    void seed001PrintsOnlyListedCodesExceptTheTruncatedOnesOfItsTable6() {
        Set<String> checked = new TreeSet<>();
        Set<String> found = mismatches(CodeBookLoader.load(2024), SeedTables.seed001(), checked);
        // DOMAIN.md: 001 表6 truncates six 项 codes to 6 digits.
        assertEquals(Set.of(
                "201999 其他一般公共服务支出 not in list",
                "208010 社会保险经办机构 not in list",
                "208050 机关事业单位基本养老保险缴费支出 not in list",
                "208999 其他社会保障和就业支出 not in list",
                "210019 其他卫生健康管理事务支出 not in list",
                "210159 其他医疗保障管理事务支出 not in list"), found);
        assertEquals(68, checked.size(), checked::toString);
    }

    @Test
    void seed002PrintsOnlyListedCodesExcept30309NamedBonus() {
        Set<String> checked = new TreeSet<>();
        Set<String> found = mismatches(CodeBookLoader.load(2024), SeedTables.seed002(), checked);
        // DOMAIN.md: 002 表6 names 30309 奖金; its 表8 prints the standard 奖励金.
        assertEquals(Set.of("30309 奖金 ≠ 奖励金"), found);
        assertEquals(33, checked.size(), checked::toString);
    }

    @Test
    void seed003PrintsOnlyListedCodesExceptItsPageInTraditionalCharacters() {
        Set<String> checked = new TreeSet<>();
        Set<String> found = mismatches(CodeBookLoader.load(2023), SeedTables.seed003(), checked);
        // DOMAIN.md: one page of 003 is printed in traditional characters.
        assertEquals(Set.of(
                "2101301 城鄉醫療救助 ≠ 城乡医疗救助",
                "21015 醫療保障管理事務 ≠ 医疗保障管理事务",
                "2101501 行政運行 ≠ 行政运行",
                "2101599 其他醫療保障管理事務支出 ≠ 其他医疗保障管理事务支出"), found);
        assertEquals(28, checked.size(), checked::toString);
    }
}
