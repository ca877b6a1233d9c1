package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.template.Template;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about one document's shape: its sections and rows, every cell's spec (input or
 * formula) and the dependency graph over them. Immutable; rebuilt only when rows change.
 */
public final class DocumentLayout {

    private final Template template;
    private final Map<String, SectionLayout> sections;
    private final Map<CellRef, CellSpec> cells;
    private final DependencyGraph graph;

    DocumentLayout(Template template, List<SectionLayout> sections, Map<CellRef, CellSpec> cells) {
        this.template = template;
        this.sections = new LinkedHashMap<>();
        sections.forEach(s -> this.sections.put(s.key(), s));
        this.cells = Map.copyOf(cells);
        this.graph = DependencyGraph.build(this.cells);
    }

    public Template template() {
        return template;
    }

    public Collection<SectionLayout> sections() {
        return sections.values();
    }

    public Optional<CellSpec> cell(CellRef ref) {
        return Optional.ofNullable(cells.get(ref));
    }

    public Collection<CellSpec> cells() {
        return cells.values();
    }

    public DependencyGraph graph() {
        return graph;
    }
}
