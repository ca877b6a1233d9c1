package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.Decider;
import io.yusuan.domain.Decision;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import io.yusuan.domain.VersionContent;
import io.yusuan.domain.WorkflowCommand;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.publish.Publication;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.RoundingBalance;
import io.yusuan.domain.publish.Stamp;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.Role;
import io.yusuan.domain.workflow.WorkflowAction;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An approved version of a real demo budget, exported, read back and compared with the version's
 * frozen content: every figure of every classification table found in the workbook by its code and
 * column title (exact in 元; balanced in 万元), every figure in the PDF's text, the PDF's pages
 * rendered for a person to look at, and every format reproducible.
 */
class VersionExportTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();
    private static final Actor EDITOR = new Actor(1, "编辑一");
    private static final Actor SUPERVISOR = new Actor(3, "审批人一");
    private static final Exporter EXPORTER = new Exporter(null);

    private static DocumentInfo info;
    private static LayoutFactory layouts;
    private static VersionContent content;
    private static Stamp stamp;

    @BeforeAll
    static void approveTheDemoBudget() {
        DemoBudget demo = DemoBudget.resource("suzhou-2024.json");
        info = new DocumentInfo(1, demo.templateId(), demo.title(), demo.unit(), demo.year(), demo.rows());
        layouts = LIBRARY.factoryFor(info);
        BudgetState state = BudgetState.replay(layouts, info.codeRows(), 0, Map.of(), List.of());
        state.apply(new CellsEdited(demo.values()), EDITOR, null, Instant.EPOCH);
        if (!demo.emptySections().isEmpty()) {
            state.apply(new SectionsMarked(demo.emptySections().entrySet().stream()
                    .map(e -> new SectionMark(e.getKey(), true, e.getValue())).toList()), EDITOR, null, Instant.EPOCH);
        }
        Instant at = Instant.parse("2024-02-20T02:00:00Z");
        for (SectionLayout section : state.layout().sections()) {
            step(state, section.key(), WorkflowAction.SUBMIT, "已核对", EDITOR, Role.EDITOR, at);
            step(state, section.key(), WorkflowAction.APPROVE, null, SUPERVISOR, Role.SUPERVISOR, at);
        }
        AppliedEvent approved = step(state, null, WorkflowAction.APPROVE_DOCUMENT, "同意公开", SUPERVISOR,
                Role.SUPERVISOR, at);
        content = approved.approval().content();
        ApprovedVersion v = approved.approval().version();
        stamp = Stamp.approved(v.number(), v.hash(), v.approvedBy().name(), v.approvedAt(), v.documentVersion());
    }

    private static AppliedEvent step(BudgetState state, String section, WorkflowAction action, String comment,
                                     Actor by, Role role, Instant at) {
        Decision decision = Decider.decide(state, new WorkflowCommand(section, action, comment, "w"), role, by, at);
        if (!decision.accepted()) {
            throw new AssertionError(section + " " + action + ": " + decision.rejection());
        }
        return state.apply(decision.event(), by, "w", at);
    }

    private static byte[] export(ExportFormat format, boolean wanYuan) throws Exception {
        PublishedBudget budget = Publication.of(layouts, content, info.title(), info.unit(), info.year(), stamp, wanYuan);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORTER.write(format, budget, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    /** What each amount cell must print: exact 元, or the balanced 万元 figure. */
    private static Map<CellRef, BigDecimal> expected(boolean wanYuan) {
        DocumentLayout layout = layouts.layoutFor(content.codeRows());
        Map<CellRef, Money> shown = wanYuan ? RoundingBalance.balance(layout, content.values()::get) : content.values();
        Map<CellRef, BigDecimal> out = new HashMap<>();
        shown.forEach((ref, money) -> out.put(ref, wanYuan ? money.toWanYuan(2) : BigDecimal.valueOf(money.fen(), 2)));
        return out;
    }

    @Test
    void everyClassificationFigureIsInTheWorkbookAtItsCodeAndColumn() throws Exception {
        for (boolean wanYuan : new boolean[]{false, true}) {
            Map<CellRef, BigDecimal> expected = expected(wanYuan);
            DocumentLayout layout = layouts.layoutFor(content.codeRows());
            int compared = 0;
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(export(ExportFormat.XLSX, wanYuan)),
                    new ReadingOptions(true, false))) {
                List<Sheet> sheets = book.getSheets().toList();
                for (SectionLayout section : layout.sections()) {
                    if (section.def().kind() != SectionKind.CODE_TREE || content.emptySections().containsKey(section.key())) {
                        continue;
                    }
                    Sheet sheet = sheets.stream().filter(s -> s.getName().startsWith("表" + section.def().number() + " "))
                            .findFirst().orElseThrow(() -> new AssertionError("no sheet for " + section.key()));
                    compared += compareSheet(section, sheet.read(), expected);
                }
            }
            assertTrue(compared > 100, "compared " + compared + " figures");
        }
    }

    /** Finds the leaf-title row, then each row by its code (column A) and each figure by its column title. */
    private static int compareSheet(SectionLayout section, List<Row> rows, Map<CellRef, BigDecimal> expected) {
        Map<String, Integer> columnAt = new HashMap<>();
        Map<String, Row> byCode = new HashMap<>();
        Row totalRow = null;
        for (Row row : rows) {
            for (ColumnDef column : section.def().columns()) {
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getType() == CellType.STRING && column.title().equals(cell.asString())
                            && !columnAt.containsKey(column.key())) {
                        columnAt.put(column.key(), c);
                    }
                }
            }
            Cell first = row.getCellCount() > 0 ? row.getCell(0) : null;
            if (first != null && first.getType() == CellType.STRING && first.asString().matches("\\d{3,7}")) {
                byCode.put(first.asString(), row);
            }
            Cell label = row.getCellCount() > 1 ? row.getCell(1) : null;
            if (label != null && label.getType() == CellType.STRING && label.asString().strip().equals(
                    section.def().totalRowLabel())) {
                totalRow = row;
            }
        }
        int compared = 0;
        for (RowLayout line : section.rows()) {
            Row row = line.totalRow() ? totalRow : byCode.get(line.code());
            assertTrue(row != null, section.key() + ": no row for " + line.key());
            for (String column : line.columns()) {
                ColumnDef def = section.def().column(column).orElseThrow();
                if (def.kind() != ColumnKind.AMOUNT) {
                    continue;
                }
                BigDecimal want = expected.get(new CellRef(section.key(), line.key(), column));
                Integer at = columnAt.get(column);
                assertTrue(at != null, section.key() + ": no column " + def.title());
                Cell cell = at < row.getCellCount() ? row.getCell(at) : null;
                if (want == null) {
                    assertTrue(cell == null || cell.getType() == CellType.EMPTY, section.key() + "!" + line.key() + "."
                            + column + " should be blank");
                    continue;
                }
                assertEquals(CellType.NUMBER, cell.getType(), section.key() + "!" + line.key() + "." + column);
                assertEquals(0, want.compareTo(cell.asNumber()), section.key() + "!" + line.key() + "." + column);
                compared++;
            }
        }
        return compared;
    }

    @Test
    void thePdfCarriesEveryFigureAndIsRenderedForAPersonToSee() throws Exception {
        byte[] pdf = export(ExportFormat.PDF, true);
        Path pages = Path.of("target", "version-pages");
        Files.createDirectories(pages);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            List<String> missing = new ArrayList<>();
            expected(true).forEach((ref, value) -> {
                boolean printed = layouts.layoutFor(content.codeRows()).section(ref.section())
                        .map(s -> !content.emptySections().containsKey(s.key())).orElse(false);
                String grouped = String.format("%,.2f", value);
                if (printed && !text.contains(grouped)) {
                    missing.add(ref + " " + grouped);
                }
            });
            assertEquals(List.of(), missing);
            assertTrue(text.contains(stamp.hash()) || text.contains(stamp.hash().substring(0, 20)), "the hash is printed");
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 72);
                ImageIO.write(image, "png", pages.resolve("suzhou-v1-page-" + (i + 1) + ".png").toFile());
            }
            assertTrue(document.getNumberOfPages() >= 4);
        }
    }

    @Test
    void everyFormatOfTheVersionIsReproducible() throws Exception {
        for (ExportFormat format : ExportFormat.values()) {
            assertArrayEquals(export(format, true), export(format, true), format.name());
        }
    }
}
