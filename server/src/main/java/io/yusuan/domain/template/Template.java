package io.yusuan.domain.template;

import io.yusuan.domain.rules.RuleDef;
import java.util.List;
import java.util.Optional;

/**
 * A budget template: the tables a document of this kind holds, their columns, fixed rows and
 * formulas. Templates are data (JSON resources); a document instantiates one.
 */
public record Template(String id, String title, String displayUnit, List<SectionDef> sections,
                       List<RuleDef> rules) {

    public Template {
        sections = List.copyOf(sections);
        rules = List.copyOf(rules);
    }

    public Template(String id, String title, String displayUnit, List<SectionDef> sections) {
        this(id, title, displayUnit, sections, List.of());
    }

    public Optional<SectionDef> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
