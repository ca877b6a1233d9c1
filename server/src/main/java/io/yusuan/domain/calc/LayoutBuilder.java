package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a template plus a document's classification rows into a {@link DocumentLayout}: which
 * cells exist, which are inputs, and the formula of every computed one. Parents of code rows are
 * added when missing (named from the code book), and a code-tree parent is always Σ its children.
 */
public final class LayoutBuilder {

    private final CodeBook codeBook;

    public LayoutBuilder(CodeBook codeBook) {
        this.codeBook = codeBook;
    }

    public DocumentLayout build(Template template, Map<String, List<CodeRow>> codeRows) {
        List<SectionLayout> sections = new ArrayList<>();
        for (SectionDef def : template.sections()) {
            List<CodeRow> given = codeRows.getOrDefault(def.key(), List.of());
            sections.add(switch (def.kind()) {
                case FIXED -> new SectionLayout(def, fixedRows(def));
                case CODE_TREE -> new SectionLayout(def, treeRows(def, given));
                case LIST -> new SectionLayout(def, ListRows.layout(def, given));
            });
        }
        Map<CellRef, CellSpec> cells = new HashMap<>();
        for (SectionLayout section : sections) {
            addCells(section, cells);
        }
        Set<String> dynamic = dynamicSections(template);
        return new DocumentLayout(template, sections, resolveReferences(cells, dynamic, template), dynamic,
                CodeChecks.check(sections, codeBook), codeBook);
    }

    private static List<RowLayout> fixedRows(SectionDef def) {
        List<RowLayout> rows = new ArrayList<>();
        List<String> allColumns = def.columns().stream().map(ColumnDef::key).toList();
        for (RowDef row : def.rows()) {
            List<String> columns = row.columns().isEmpty() ? allColumns : row.columns();
            rows.add(new RowLayout(row.key(), row.code(), row.label(), row.level(), row.group(), columns,
                    !row.sumRows().isEmpty()));
        }
        return rows;
    }

    private List<RowLayout> treeRows(SectionDef def, List<CodeRow> given) {
        CodeSystem system = def.codeSystem();
        TreeMap<String, String> names = new TreeMap<>();
        for (CodeRow row : given) {
            if (system.levelOf(row.code()) == 0) {
                throw new IllegalArgumentException("code " + row.code() + " is not a valid " + system + " code");
            }
            names.put(row.code(), row.name());
            for (String p = system.parentOf(row.code()); p != null; p = system.parentOf(p)) {
                String parent = p;
                names.computeIfAbsent(parent, c -> codeBook.nameOf(system, c).orElse(""));
            }
        }
        List<String> columns = def.columns().stream().map(ColumnDef::key).toList();
        List<RowLayout> rows = new ArrayList<>();
        rows.add(new RowLayout(def.totalRowKey(), null, def.totalRowLabel(), 0, null, columns, true));
        // Lexicographic order of codes is tree order, because a child's code starts with its parent's.
        names.forEach((code, name) -> rows.add(
                new RowLayout(code, code, name, system.levelOf(code), null, columns, false)));
        return rows;
    }

    private static void addCells(SectionLayout section, Map<CellRef, CellSpec> cells) {
        SectionDef def = section.def();
        Map<String, RowDef> fixed = new HashMap<>();
        def.rows().forEach(r -> fixed.put(r.key(), r));
        Map<String, List<String>> children = childrenByParent(section);
        Set<String> rowsWithColumn = new HashSet<>();
        section.rows().forEach(r -> r.columns().forEach(c -> rowsWithColumn.add(r.key() + "." + c)));
        for (RowLayout row : section.rows()) {
            for (String columnKey : row.columns()) {
                ColumnDef column = def.column(columnKey).orElseThrow(() -> new IllegalArgumentException(
                        "row " + row.key() + " of " + def.key() + " names unknown column " + columnKey));
                CellRef ref = new CellRef(def.key(), row.key(), columnKey);
                cells.put(ref, new CellSpec(ref, column, formulaFor(def, fixed.get(row.key()), row, column,
                        children, rowsWithColumn)));
            }
        }
    }

    private static Formula formulaFor(SectionDef def, RowDef fixedRow, RowLayout row, ColumnDef column,
                                      Map<String, List<String>> children, Set<String> rowsWithColumn) {
        if (column.kind() != ColumnKind.AMOUNT) {
            return null;
        }
        if (fixedRow != null && fixedRow.formulas().containsKey(column.key())) {
            return FormulaParser.parse(fixedRow.formulas().get(column.key()), def.key(), row.key());
        }
        if (column.computedEverywhere()) {
            return FormulaParser.parse(column.formula().replace("{row}", row.key()), def.key(), row.key());
        }
        List<String> summed = fixedRow != null ? fixedRow.sumRows() : children.getOrDefault(row.key(), List.of());
        if (fixedRow == null && def.kind() == SectionKind.LIST) {
            // Free rows of different kinds have different cells: sum only the children that have this one.
            summed = summed.stream().filter(child -> rowsWithColumn.contains(child + "." + column.key())).toList();
        }
        boolean leaf = summed.isEmpty() && (fixedRow != null || !row.totalRow());
        if (leaf && column.leafFormula() != null) {
            return FormulaParser.parse(column.leafFormula().replace("{row}", row.key()), def.key(), row.key());
        }
        if (summed.isEmpty()) {
            return null;
        }
        List<Term> terms = summed.stream()
                .map(r -> new Term(new CellRef(def.key(), r, column.key()), 1)).toList();
        return new Formula(terms);
    }

    /**
     * For code trees: the total row sums the 类 rows, every other row sums its direct children.
     * For lists: a row sums the rows under it, the total row the top-level rows.
     */
    private static Map<String, List<String>> childrenByParent(SectionLayout section) {
        Map<String, List<String>> children = new HashMap<>();
        if (section.def().kind() == SectionKind.LIST) {
            return ListRows.children(section);
        }
        if (section.def().kind() != SectionKind.CODE_TREE) {
            return children;
        }
        CodeSystem system = section.def().codeSystem();
        for (RowLayout row : section.rows()) {
            if (row.code() == null) {
                continue;
            }
            String parent = system.parentOf(row.code());
            children.computeIfAbsent(parent == null ? section.def().totalRowKey() : parent,
                    k -> new ArrayList<>()).add(row.key());
        }
        return children;
    }

    /** Checks every formula operand (see {@link References#resolve}). */
    private static Map<CellRef, CellSpec> resolveReferences(Map<CellRef, CellSpec> cells, Set<String> dynamic,
                                                            Template template) {
        Map<CellRef, CellSpec> resolved = new HashMap<>(cells);
        for (CellSpec spec : cells.values()) {
            if (!spec.isInput()) {
                resolved.put(spec.ref(), new CellSpec(spec.ref(), spec.column(),
                        References.resolve(spec.formula(), cells, dynamic, template, spec.ref().toString())));
            }
        }
        return resolved;
    }

    /** Sections whose rows come and go with the document (code trees, lists). */
    private static Set<String> dynamicSections(Template template) {
        Set<String> dynamic = new HashSet<>();
        template.sections().stream().filter(s -> s.kind() != SectionKind.FIXED).forEach(s -> dynamic.add(s.key()));
        return dynamic;
    }

}
