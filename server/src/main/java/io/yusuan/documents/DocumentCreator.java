package io.yusuan.documents;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import java.util.ArrayList;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.store.Catalog;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates a document with its first figures: the catalog entry (the creator becomes its admin),
 * then version 1 holding every figure in one event. If the figures cannot be written, the catalog
 * entry is removed again, so a failed import or seed never leaves a half-created document.
 */
public final class DocumentCreator {

    private final Catalog catalog;
    private final EventLog log;
    private final TemplateLibrary templates;

    public DocumentCreator(Catalog catalog, EventLog log, TemplateLibrary templates) {
        this.catalog = catalog;
        this.log = log;
        this.templates = templates;
    }

    /**
     * @param emptySections tables to mark 空表 with their notes (a second version), e.g. from a
     *                      published budget that printed them empty
     */
    public Future<DocumentInfo> create(String templateId, String title, String unit, int year,
                                       Map<String, List<CodeRow>> rows, List<CellEdit> figures,
                                       Map<String, String> emptySections, Actor creator, String clientOpId) {
        return catalog.createDocument(templateId, title, unit, year, rows, creator.id()).compose(info -> {
            List<AppliedEvent> first = new ArrayList<>();
            try {
                BudgetState state = BudgetState.replay(templates.factoryFor(info), rows, 0, Map.of(), List.of());
                Instant now = Instant.now();
                if (!figures.isEmpty()) {
                    first.add(state.apply(new CellsEdited(figures), creator, clientOpId, now));
                }
                if (!emptySections.isEmpty()) {
                    List<SectionMark> marks = new ArrayList<>();
                    emptySections.forEach((section, note) -> marks.add(new SectionMark(section, true, note)));
                    first.add(state.apply(new SectionsMarked(marks), creator, clientOpId + "-empty", now));
                }
            } catch (RuntimeException e) {
                return catalog.deleteDocument(info.id()).compose(v -> Future.failedFuture(e));
            }
            if (first.isEmpty()) {
                return Future.succeededFuture(info);
            }
            return log.append(info.id(), first).map(info)
                    .recover(err -> catalog.deleteDocument(info.id()).compose(v -> Future.failedFuture(err)));
        });
    }
}
