package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.template.Template;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.RuleSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about one document's shape: its sections and rows, every cell's spec (input or
 * formula) and the dependency graph over them. Immutable; rebuilt only when rows change.
 */
public final class DocumentLayout {

    private final Template template;
    private final Map<String, SectionLayout> sections;
    private final Map<CellRef, CellSpec> cells;
    private final DependencyGraph graph;
    private final Map<CellRef, Integer> inputsBeneath = new HashMap<>();
    private final List<RuleResult> codeFindings;
    private final RuleSet rules;

    private final CodeBook codeBook;
    private final Set<String> dynamicSections;
    /** For each section, the other sections whose cells its figures flow into (directly or not). */
    private final Map<String, Set<String>> feeds;
    private final Map<String, List<CellSpec>> bySection;

    DocumentLayout(Template template, List<SectionLayout> sections, Map<CellRef, CellSpec> cells,
                   Set<String> dynamicSections, List<RuleResult> codeFindings, CodeBook codeBook) {
        this.codeBook = codeBook;
        this.dynamicSections = Set.copyOf(dynamicSections);
        this.template = template;
        this.sections = new LinkedHashMap<>();
        sections.forEach(s -> this.sections.put(s.key(), s));
        this.cells = Map.copyOf(cells);
        this.graph = DependencyGraph.build(this.cells);
        for (CellRef ref : graph.computeOrder()) {
            int count = 0;
            for (Term term : this.cells.get(ref).formula().terms()) {
                count += inputsBeneath(term.ref());
            }
            inputsBeneath.put(ref, count);
        }
        this.codeFindings = List.copyOf(codeFindings);
        this.feeds = SectionFlows.of(this.cells);
        Map<String, List<CellSpec>> perSection = new HashMap<>();
        this.cells.values().forEach(c -> perSection.computeIfAbsent(c.ref().section(), k -> new java.util.ArrayList<>()).add(c));
        this.bySection = perSection;
        // Figures published in 万元 were rounded to 0.01 万元: allow for 尾差 in the rules.
        this.rules = RuleSet.compile(template.rules(), this, "万元".equals(template.displayUnit()));
    }

    /** How many input cells feed this cell through every level of formulas (1 for an input). */
    public int inputsBeneath(CellRef ref) {
        return inputsBeneath.getOrDefault(ref, 1);
    }

    /** Resolves a formula written against this document (rules use it), dropping absent code rows. */
    public Formula resolve(Formula formula, String context) {
        return References.resolve(formula, cells, dynamicSections, template, context);
    }

    /**
     * The sections whose figures change when figures of {@code section} change (not including
     * itself): a table's lines feed a 收支总表 drawn from it, which may feed another.
     */
    public Set<String> sectionsFedBy(String section) {
        return feeds.getOrDefault(section, Set.of());
    }

    /** Every cell an input feeds through formulas, at any depth (for locks: who would change). */
    public List<CellRef> dependentsOf(CellRef input) {
        return graph.affectedBy(List.of(input));
    }

    /** The standard name of a code in the document's year, if the code list has it. */
    public Optional<String> standardName(CodeSystem system, String code) {
        return codeBook.nameOf(system, code);
    }

    public Optional<SectionLayout> section(String key) {
        return Optional.ofNullable(sections.get(key));
    }

    public RuleSet rules() {
        return rules;
    }

    /** Static findings about the document's rows (C02: unknown codes, non-standard names). */
    public List<RuleResult> codeFindings() {
        return codeFindings;
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

    /** The cells of one section, in no particular order. */
    public List<CellSpec> cellsIn(String section) {
        return bySection.getOrDefault(section, List.of());
    }

    public Collection<CellSpec> cells() {
        return cells.values();
    }

    public DependencyGraph graph() {
        return graph;
    }
}
