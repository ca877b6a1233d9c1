package io.yusuan.domain.template;

import io.yusuan.domain.rules.RuleDef;
import java.util.List;
import java.util.Optional;

/**
 * A budget template: the tables a document of this kind holds, their columns, fixed rows and
 * formulas, the rules that check what is not derived, and built-in checks. Templates are data
 * (JSON resources, composed from shared parts); a document instantiates one.
 */
public record Template(String id, String title, String displayUnit, List<SectionDef> sections,
                       List<RuleDef> rules, List<CheckDef> checks) {

    public Template {
        sections = List.copyOf(sections);
        rules = List.copyOf(rules);
        checks = List.copyOf(checks);
    }

    public Template(String id, String title, String displayUnit, List<SectionDef> sections, List<RuleDef> rules) {
        this(id, title, displayUnit, sections, rules, List.of());
    }

    public Template(String id, String title, String displayUnit, List<SectionDef> sections) {
        this(id, title, displayUnit, sections, List.of(), List.of());
    }

    public Optional<SectionDef> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public List<CheckDef> checks(String check) {
        return checks.stream().filter(c -> c.check().equals(check)).toList();
    }
}
