package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.VersionContent;
import io.yusuan.domain.publish.Publication;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.Stamp;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.export.ExportFormat;
import io.yusuan.export.ExportProgress;
import io.yusuan.export.Exporter;
import io.yusuan.export.FontUnavailableException;
import io.yusuan.room.RoomRegistry;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog;
import io.yusuan.templates.TemplateLibrary;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Exports (docs/protocol.md «Exports»): an approved version, from the content frozen at approval,
 * or the current draft, marked 草稿. Laying out and writing run on a worker thread, never on the
 * event loop; the job form reports progress table by table.
 */
final class ExportRoutes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportRoutes.class);

    private final Vertx vertx;
    private final RoomRegistry rooms;
    private final EventLog log;
    private final TemplateLibrary templates;
    private final DocumentAccess access;
    private final Exporter exporter;
    private final Jobs jobs;

    ExportRoutes(Vertx vertx, RoomRegistry rooms, EventLog log, TemplateLibrary templates, DocumentAccess access,
                 Exporter exporter, Jobs jobs) {
        this.vertx = vertx;
        this.rooms = rooms;
        this.log = log;
        this.templates = templates;
        this.access = access;
        this.exporter = exporter;
        this.jobs = jobs;
    }

    void mount(Router router) {
        router.get("/api/documents/:id/versions/:n/export").handler(ctx -> direct(ctx,
                VersionRoutes.versionNumber(ctx.pathParam("n"))));
        router.get("/api/documents/:id/export").handler(ctx -> direct(ctx, null));
        router.post("/api/documents/:id/exports").handler(this::startJob);
        router.get("/api/jobs/:job").handler(this::jobStatus);
        router.get("/api/jobs/:job/file").handler(this::jobFile);
    }

    /** What to export: the content, how to stamp it, and the document it belongs to. */
    private record Source(DocumentInfo info, VersionContent content, Stamp stamp, String displayUnit) {
    }

    private Future<Source> source(RoutingContext ctx, long id, Integer version) {
        return access.role(ctx, id).compose(role -> rooms.open(id)).compose(room -> {
            if (version == null) {
                return room.read(state -> new Source(room.info(), state.content(), Stamp.draft(state.version(),
                        state.lastChange() == null ? Instant.EPOCH : state.lastChange()),
                        state.layout().template().displayUnit()));
            }
            return log.approvedVersion(id, version).compose(found -> {
                if (found.isEmpty()) {
                    return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "没有第 " + version + " 版"));
                }
                ApprovedVersion v = found.get().version();
                Stamp stamp = Stamp.approved(v.number(), v.hash(), v.approvedBy().name(), v.approvedAt(),
                        v.documentVersion());
                String unit = templates.get(room.info().templateId()).map(t -> t.displayUnit()).orElse("元");
                return Future.succeededFuture(new Source(room.info(), found.get().content(), stamp, unit));
            });
        });
    }

    private byte[] render(Source source, ExportFormat format, boolean wanYuan, ExportProgress progress) throws Exception {
        PublishedBudget budget = Publication.of(templates.factoryFor(source.info()), source.content(),
                source.info().title(), source.info().unit(), source.info().year(), source.stamp(), wanYuan);
        if (format == ExportFormat.PDF) {
            exporter.pdfFont(); // fail before writing a byte when no Chinese font is to be had
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(format, budget, out, progress);
        return out.toByteArray();
    }

    private void direct(RoutingContext ctx, Integer version) {
        long id = JsonBodies.pathId(ctx, "id");
        ExportFormat format = format(ctx.request().getParam("format"));
        String unitParam = ctx.request().getParam("unit");
        source(ctx, id, version).compose(source -> {
            boolean wan = wanYuan(unitParam, source.displayUnit());
            return vertx.executeBlocking(() -> render(source, format, wan, ExportProgress.NONE), false)
                    .map(bytes -> new Object[]{bytes, fileName(source, format)});
        }).onSuccess(result -> send(ctx, format, (byte[]) result[0], (String) result[1]))
                .onFailure(err -> ctx.fail(translate(err)));
    }

    private void startJob(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        JsonObject body = JsonBodies.object(ctx);
        ExportFormat format = format(body.getValue("format") instanceof String f ? f : null);
        Object versionValue = body.getValue("version");
        if (versionValue != null && !(versionValue instanceof Integer)) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "version 必须是版本号或 null（草稿）");
        }
        Integer version = (Integer) versionValue;
        String unitParam = body.getValue("unit") instanceof String u ? u : null;
        source(ctx, id, version).onSuccess(source -> {
            Jobs.Job job = jobs.start(AuthRoutes.user(ctx).id(), "export");
            job.progress("排版", 0, 0);
            boolean wan = wanYuan(unitParam, source.displayUnit());
            vertx.executeBlocking(() -> render(source, format, wan, (done, total) -> job.progress("写入表格", done, total)),
                    false).onComplete(result -> {
                        if (result.succeeded()) {
                            job.finish(result.result(), fileName(source, format), format.contentType());
                        } else {
                            ApiException failure = translate(result.cause());
                            job.fail(failure.code().name(), failure.getMessage());
                        }
                    });
            ctx.response().setStatusCode(202).putHeader("content-type", "application/json; charset=utf-8")
                    .end(job.json().encode());
        }).onFailure(ctx::fail);
    }

    private void jobStatus(RoutingContext ctx) {
        ctx.json(job(ctx).json());
    }

    private void jobFile(RoutingContext ctx) {
        Jobs.Job job = job(ctx);
        if (job.file == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "导出尚未完成");
        }
        send(ctx, ExportFormat.parse(extensionOf(job.fileName)), job.file, job.fileName);
    }

    private Jobs.Job job(RoutingContext ctx) {
        return jobs.get(ctx.pathParam("job"), AuthRoutes.user(ctx).id())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "没有这个任务（或已过期）"));
    }

    private static String extensionOf(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return ext.equals("zip") ? "csv" : ext;
    }

    private String fileName(Source source, ExportFormat format) {
        String version = source.stamp().draft() ? "草稿" : "v" + source.stamp().versionNumber();
        String base = source.info().title().strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return base + "_" + version + "." + format.extension();
    }

    private static void send(RoutingContext ctx, ExportFormat format, byte[] bytes, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.response().putHeader("content-type", format.contentType())
                .putHeader("content-disposition", "attachment; filename=\"export." + format.extension()
                        + "\"; filename*=UTF-8''" + encoded)
                .putHeader("cache-control", "no-store")
                .end(Buffer.buffer(bytes));
    }

    private static ExportFormat format(String text) {
        if (text == null) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "format 必须是 xlsx、pdf、csv 或 json");
        }
        try {
            return ExportFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "format 必须是 xlsx、pdf、csv 或 json");
        }
    }

    private static boolean wanYuan(String unit, String displayUnit) {
        if (unit == null || unit.isBlank()) {
            return "万元".equals(displayUnit);
        }
        return switch (unit) {
            case "万元", "wan" -> true;
            case "元", "yuan" -> false;
            default -> throw new ApiException(ErrorCode.BAD_MESSAGE, "unit 必须是 万元 或 元");
        };
    }

    private static ApiException translate(Throwable err) {
        if (err instanceof ApiException api) {
            return api;
        }
        if (err instanceof FontUnavailableException font) {
            return new ApiException(ErrorCode.UNAVAILABLE, font.getMessage());
        }
        LOG.error("export failed", err);
        return new ApiException(ErrorCode.INTERNAL, "导出失败（服务器内部错误，已记录）");
    }
}
