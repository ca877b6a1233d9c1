package io.yusuan.domain.classification;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Standard names of classification codes for one budget year, per code system, and the map of
 * 部门经济分类 款 to 政府经济分类 款 per unit type.
 */
public final class CodeBook {

    private final Map<CodeSystem, Map<String, String>> names = new EnumMap<>(CodeSystem.class);
    private final Map<UnitType, Map<String, String>> toGov = new EnumMap<>(UnitType.class);

    public CodeBook add(CodeSystem system, String code, String name) {
        names.computeIfAbsent(system, s -> new TreeMap<>()).put(code, name);
        return this;
    }

    /** Records that a unit of this type books the 部门经济 款 {@code economicCode} under {@code govEconomicCode}. */
    public CodeBook mapToGov(UnitType type, String economicCode, String govEconomicCode) {
        if (CodeSystem.ECONOMIC.levelOf(economicCode) != 2 || CodeSystem.GOV_ECONOMIC.levelOf(govEconomicCode) != 2) {
            throw new IllegalArgumentException("only 款 map to 款: " + economicCode + " -> " + govEconomicCode);
        }
        toGov.computeIfAbsent(type, t -> new TreeMap<>()).put(economicCode, govEconomicCode);
        return this;
    }

    public Optional<String> nameOf(CodeSystem system, String code) {
        return Optional.ofNullable(names.getOrDefault(system, Map.of()).get(code));
    }

    public Map<String, String> codes(CodeSystem system) {
        return Collections.unmodifiableMap(names.getOrDefault(system, Map.of()));
    }

    /**
     * The 政府经济分类 code a unit of this type uses for a 部门经济分类 code. A 款 (30101) gives its mapped
     * 款; a 类 (301) gives the one 款 all its mapped 款 share, else the one 类 they share (行政单位: 301 →
     * 501), else nothing. Empty when the code is not in the map (or the year has no map).
     */
    public Optional<String> govEconomicCode(UnitType type, String economicCode) {
        Map<String, String> map = toGov.getOrDefault(type, Map.of());
        int level = CodeSystem.ECONOMIC.levelOf(economicCode);
        if (level == 2) {
            return Optional.ofNullable(map.get(economicCode));
        }
        if (level != 1) {
            return Optional.empty();
        }
        Set<String> targets = new TreeSet<>();
        map.forEach((from, to) -> {
            if (from.startsWith(economicCode)) {
                targets.add(to);
            }
        });
        if (targets.size() == 1) {
            return Optional.of(targets.iterator().next());
        }
        Set<String> classes = new TreeSet<>();
        targets.forEach(t -> classes.add(CodeSystem.GOV_ECONOMIC.parentOf(t)));
        return classes.size() == 1 ? Optional.of(classes.iterator().next()) : Optional.empty();
    }

    /** The whole map for one unit type, 部门经济 款 → 政府经济 款, in code order. */
    public Map<String, String> govEconomicMap(UnitType type) {
        return Collections.unmodifiableMap(toGov.getOrDefault(type, Map.of()));
    }
}
