package io.yusuan.domain.classification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Standard names of classification codes for one budget year, per code system. */
public final class CodeBook {

    private final Map<CodeSystem, Map<String, String>> names = new EnumMap<>(CodeSystem.class);

    public CodeBook add(CodeSystem system, String code, String name) {
        names.computeIfAbsent(system, s -> new TreeMap<>()).put(code, name);
        return this;
    }

    public Optional<String> nameOf(CodeSystem system, String code) {
        return Optional.ofNullable(names.getOrDefault(system, Map.of()).get(code));
    }

    public Map<String, String> codes(CodeSystem system) {
        return java.util.Collections.unmodifiableMap(names.getOrDefault(system, Map.of()));
    }
}
