package io.yusuan.templates;

import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.calc.LayoutBuilder;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import io.yusuan.store.Catalog.DocumentInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates shipped in the jar and the code books per year. Each template is checked when
 * loaded by building a layout with every code of each year that has lists (2023, 2024): a formula
 * cycle or an unknown reference stops the server at start rather than at the first edit.
 */
public final class TemplateLibrary {

    /** Templates shipped with the server, by resource name under templates/. */
    private static final List<String> SHIPPED = List.of("anhui-dept", "shaanxi-unit", "hebei-dept");
    private static final int DEFAULT_CODE_YEAR = 2024;
    /** Years with shipped code lists (codes/*-YEAR.tsv); every template is validated against each. */
    private static final List<Integer> CODE_LIST_YEARS = List.of(2023, 2024);

    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<Integer, CodeBook> codeBooks = new ConcurrentHashMap<>();

    public static TemplateLibrary shipped() {
        TemplateLibrary library = new TemplateLibrary();
        for (String id : SHIPPED) {
            library.add(readResource("templates/" + id + ".json"));
        }
        return library;
    }

    public void add(Template template) {
        for (int year : CODE_LIST_YEARS) {
            layout(template, fullCodeRows(template, codeBook(year)), year);
        }
        templates.put(template.id(), template);
    }

    public Collection<Template> all() {
        return templates.values();
    }

    public Optional<Template> get(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    /** Code names of a year, falling back to the nearest year we have lists for. */
    public CodeBook codeBook(int year) {
        return codeBooks.computeIfAbsent(year, y -> {
            CodeBook book = CodeBookLoader.load(y);
            return book.codes(CodeSystem.FUNCTION).isEmpty() && y != DEFAULT_CODE_YEAR
                    ? CodeBookLoader.load(DEFAULT_CODE_YEAR) : book;
        });
    }

    public DocumentLayout layoutFor(DocumentInfo info) {
        return factoryFor(info).layoutFor(info.codeRows());
    }

    /** Layouts of this document's template and year, for any set of classification rows. */
    public LayoutFactory factoryFor(DocumentInfo info) {
        Template template = get(info.templateId())
                .orElseThrow(() -> new IllegalStateException("unknown template " + info.templateId()));
        return rows -> layout(template, rows, info.year());
    }

    private DocumentLayout layout(Template template, Map<String, List<CodeRow>> codeRows, int year) {
        return new LayoutBuilder(codeBook(year)).build(template, codeRows);
    }

    /**
     * Every code of the year in each code tree, and in each list one free row of every row kind
     * (under a row of a kind it may sit under), so that column formulas, leaf formulas and per-row
     * rules over lists are parsed and resolved at start too, not first when an editor adds a row.
     */
    private static Map<String, List<CodeRow>> fullCodeRows(Template template, CodeBook book) {
        Map<String, List<CodeRow>> rows = new HashMap<>();
        for (SectionDef section : template.sections()) {
            if (section.kind() == SectionKind.CODE_TREE) {
                List<CodeRow> all = new ArrayList<>();
                book.codes(section.codeSystem()).forEach((code, name) -> all.add(new CodeRow(code, name)));
                rows.put(section.key(), all);
            } else if (section.kind() == SectionKind.LIST) {
                List<CodeRow> sample = new ArrayList<>();
                for (RowKindDef kind : section.rowKinds()) {
                    String parent = kind.topLevel() ? null : sample.stream()
                            .filter(r -> kind.parents().contains(r.kind())).map(CodeRow::code).findFirst().orElse(null);
                    if (kind.topLevel() || parent != null) {
                        sample.add(new CodeRow("v" + (sample.size() + 1), "", parent, kind.key()));
                    }
                }
                rows.put(section.key(), sample);
            }
        }
        return rows;
    }

    private static Template readResource(String resource) {
        try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            return TemplateParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
