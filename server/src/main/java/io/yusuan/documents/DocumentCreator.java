package io.yusuan.documents;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import io.yusuan.domain.TextEdit;
import io.yusuan.domain.TextsEdited;
import java.util.ArrayList;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.store.Catalog;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates a document with its first figures: the catalog entry (the creator becomes its admin) and
 * its first versions — every figure, then every text (project names, 绩效 indicators, the 说明),
 * then the tables marked 空表, each version only if there is something to put in it — in one
 * transaction, so a failed import or seed never leaves a half-created document.
 */
public final class DocumentCreator {

    private final Catalog catalog;
    private final TemplateLibrary templates;

    public DocumentCreator(Catalog catalog, TemplateLibrary templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    /**
     * @param emptySections tables to mark 空表 with their notes (a second version), e.g. from a
     *                      published budget that printed them empty
     */
    public Future<DocumentInfo> create(String templateId, String title, String unit, int year,
                                       Map<String, List<CodeRow>> rows, List<CellEdit> figures,
                                       Map<String, String> emptySections, Actor creator, String clientOpId) {
        return create(templateId, title, unit, year, rows, figures, List.of(), emptySections, creator, clientOpId);
    }

    /** As above, with the first texts too (a version of their own, after the figures). */
    public Future<DocumentInfo> create(String templateId, String title, String unit, int year,
                                       Map<String, List<CodeRow>> rows, List<CellEdit> figures, List<TextEdit> texts,
                                       Map<String, String> emptySections, Actor creator, String clientOpId) {
        List<AppliedEvent> first = new ArrayList<>();
        try {
            // The first versions do not depend on the document's id: decide them before it exists.
            DocumentInfo draft = new DocumentInfo(0, templateId, title, unit, year, rows);
            BudgetState state = BudgetState.replay(templates.factoryFor(draft), rows, 0, Map.of(), List.of());
            Instant now = Instant.now();
            if (!figures.isEmpty()) {
                first.add(state.apply(new CellsEdited(figures), creator, clientOpId, now));
            }
            if (!texts.isEmpty()) {
                first.add(state.apply(new TextsEdited(texts, null), creator, clientOpId + "-texts", now));
            }
            if (!emptySections.isEmpty()) {
                List<SectionMark> marks = new ArrayList<>();
                emptySections.forEach((section, note) -> marks.add(new SectionMark(section, true, note)));
                first.add(state.apply(new SectionsMarked(marks), creator, clientOpId + "-empty", now));
            }
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return catalog.createDocument(templateId, title, unit, year, rows, creator.id(), first);
    }
}
