package io.yusuan.importer;

import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a published text must say the same way throughout, checked on import: the unit of every
 * table (C04 — a table printed in 万元 among tables in 元 is converted, and said so) and the name
 * of the department (C05 — seed 003's page headers print 南京市医疗保障局 four times for 南宫市).
 * A name printed in traditional characters is the same name.
 */
final class ConsistencyChecks {

    /** A department or unit name as page headers print it: «310 南宫市医疗保障局». */
    private static final Pattern NAME = Pattern.compile("[\\u4e00-\\u9fff]{2,14}?(?:局|中心|委员会|办公室|管理处)");
    /** Traditional forms seen in printed names, to their simplified forms. */
    private static final Map<Character, Character> SIMPLIFIED = Map.ofEntries(Map.entry('宮', '宫'),
            Map.entry('醫', '医'), Map.entry('療', '疗'), Map.entry('險', '险'), Map.entry('務', '务'),
            Map.entry('財', '财'), Map.entry('業', '业'), Map.entry('衛', '卫'), Map.entry('資', '资'),
            Map.entry('會', '会'), Map.entry('縣', '县'), Map.entry('區', '区'), Map.entry('門', '门'),
            Map.entry('處', '处'), Map.entry('辦', '办'), Map.entry('養', '养'));

    private ConsistencyChecks() {
    }

    static List<RuleResult> check(String text, String entity, List<RawTable> tables) {
        List<RuleResult> results = new ArrayList<>();
        units(tables).ifPresent(results::add);
        if (entity != null) {
            results.addAll(names(text, entity));
        }
        return results;
    }

    private static java.util.Optional<RuleResult> units(List<RawTable> tables) {
        Map<Long, List<String>> byUnit = new TreeMap<>();
        for (RawTable table : tables) {
            byUnit.computeIfAbsent(table.unitFactor(), u -> new ArrayList<>())
                    .add(table.number() > 0 ? "表" + table.number() : "「" + table.title() + "」");
        }
        if (byUnit.size() < 2) {
            return java.util.Optional.empty();
        }
        List<String> wan = byUnit.getOrDefault(10_000L, List.of());
        List<String> yuan = byUnit.getOrDefault(1L, List.of());
        boolean fewerInWan = wan.size() <= yuan.size();
        List<String> odd = fewerInWan ? wan : yuan;
        return java.util.Optional.of(new RuleResult("C04:units", "C04", Severity.INFO, String.join("、", odd)
                + (fewerInWan ? " 以万元列示，其余以元列示" : " 以元列示，其余以万元列示") + "：导入时已统一换算为元", List.of(), null, null));
    }

    /** Names ending like the entity's (…医疗保障局) that differ in what comes before. */
    private static List<RuleResult> names(String text, String entity) {
        String ours = simplified(entity);
        String suffix = ours.length() > 4 ? ours.substring(ours.length() - 4) : ours;
        Map<String, Integer> others = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.length() > 40) {
                continue; // page headers and table captions, not prose (which may name other bodies)
            }
            Matcher m = NAME.matcher(line);
            while (m.find()) {
                String name = simplified(m.group());
                if (name.endsWith(suffix) && !name.equals(ours) && !ours.endsWith(name) && name.length() >= ours.length() - 1) {
                    others.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        List<RuleResult> results = new ArrayList<>();
        others.forEach((name, count) -> results.add(new RuleResult("C05:" + name, "C05", Severity.WARNING,
                "文中 " + count + " 处把单位名称印为「" + name + "」，与「" + entity + "」不一致：请核对", List.of(), null, null)));
        return results;
    }

    private static String simplified(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(SIMPLIFIED.getOrDefault(c, c));
        }
        return out.toString();
    }
}
