package io.yusuan.transport.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.yusuan.auth.AuthUser;
import io.yusuan.auth.Tokens;
import io.yusuan.documents.DocumentCreator;
import io.yusuan.domain.ErrorCode;
import io.yusuan.importer.BudgetImporter;
import io.yusuan.importer.ImportException;
import io.yusuan.importer.ImportReport;
import io.yusuan.transport.ws.protocol.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * POST /api/import: a published budget text (multipart field {@code file}) becomes a new document;
 * the answer carries the import report. Reading and matching run on a worker thread.
 */
public final class ImportRoutes {

    /** A published budget is a few hundred KB; allow generous room, then refuse. */
    static final int MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

    private final Vertx vertx;
    private final BudgetImporter importer;
    private final DocumentCreator creator;
    private final Path uploads;
    private final Jobs jobs;

    public ImportRoutes(Vertx vertx, BudgetImporter importer, DocumentCreator creator, Path uploads, Jobs jobs) {
        this.jobs = jobs;
        this.vertx = vertx;
        this.importer = importer;
        this.creator = creator;
        this.uploads = uploads;
    }

    /**
     * Mounted before the general body handler, which skips this path. The token is checked before
     * the body is read, so nobody without a login can make the server store an upload.
     */
    public void mountBodyHandler(Router router, Tokens tokens) {
        router.post("/api/import").handler(ctx -> {
            ctx.request().pause();
            tokens.check(AuthRoutes.bearerToken(ctx)).onComplete(checked -> {
                if (checked.failed()) {
                    ErrorResponses.send(ctx, ErrorCode.UNAUTHENTICATED, "请先登录（令牌无效或已过期）");
                } else if (!checked.result().mayCreateDocuments()) {
                    ErrorResponses.send(ctx, ErrorCode.FORBIDDEN, "只有填报人和管理员可以导入预算");
                } else {
                    ctx.next();
                }
            });
        });
        router.post("/api/import").handler(BodyHandler.create().setBodyLimit(MAX_UPLOAD_BYTES)
                .setUploadsDirectory(uploads.toString()).setDeleteUploadedFilesOnEnd(true));
    }

    public void mount(Router router) {
        router.post("/api/import").handler(this::importText);
    }

    /**
     * Reads the upload and creates the document. With {@code ?async=true} the answer is at once a
     * 202 job the page polls for the stage and the tables read so far; its result is the same body
     * the synchronous call answers with 201.
     */
    private void importText(RoutingContext ctx) {
        AuthUser user = AuthRoutes.user(ctx);
        if (!user.mayCreateDocuments()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "只有填报人和管理员可以导入预算");
        }
        FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.BAD_MESSAGE, "请用 multipart 字段 file 上传预算文本"));
        if (!"true".equals(ctx.request().getParam("async"))) {
            run(file, user, BudgetImporter.Progress.NONE)
                    .onSuccess(body -> ctx.response().setStatusCode(201)
                            .putHeader("content-type", "application/json; charset=utf-8").end(body.encode()))
                    .onFailure(ctx::fail);
            return;
        }
        Jobs.Job job = jobs.start(user.id(), "import");
        // The upload is deleted when this request ends: read it before answering.
        vertx.fileSystem().readFile(file.uploadedFileName()).onSuccess(bytes -> {
            run(bytes.getBytes(), user, job::progress).onComplete(done -> {
                if (done.succeeded()) {
                    job.finish(done.result());
                } else {
                    ApiException failure = done.cause() instanceof ApiException api ? api
                            : new ApiException(ErrorCode.INTERNAL, "导入失败（服务器内部错误，已记录）");
                    job.fail(failure.code().name(), failure.getMessage());
                }
            });
            ctx.response().setStatusCode(202).putHeader("content-type", "application/json; charset=utf-8")
                    .end(job.json().encode());
        }).onFailure(ctx::fail);
    }

    private io.vertx.core.Future<JsonObject> run(FileUpload file, AuthUser user, BudgetImporter.Progress progress) {
        return vertx.fileSystem().readFile(file.uploadedFileName()).compose(bytes -> run(bytes.getBytes(), user, progress));
    }

    private io.vertx.core.Future<JsonObject> run(byte[] bytes, AuthUser user, BudgetImporter.Progress progress) {
        return read(vertx, importer, bytes, progress).compose(result -> {
            BudgetImporter.Draft draft = result.draft();
            progress.at("建立预算", 1, 1);
            return creator.create(draft.templateId(), draft.title(), draft.unit(), draft.year(), draft.rows(),
                            draft.inputs(), draft.texts(), draft.emptySections(), user.actor(),
                            "import-" + UUID.randomUUID())
                    .map(info -> new JsonObject()
                            .put("document", WireEncoder.summary(info).put("version", draft.versions()))
                            .put("report", reportJson(result.report())));
        });
    }

    /** Reads a published text on a worker thread; an unreadable one is INVALID_IMPORT. */
    static io.vertx.core.Future<BudgetImporter.Result> read(Vertx vertx, BudgetImporter importer, byte[] bytes,
                                                           BudgetImporter.Progress progress) {
        return vertx.executeBlocking(() -> {
            try {
                return importer.read(Utf8Text.decode(bytes), progress);
            } catch (ImportException e) {
                throw new ApiException(ErrorCode.INVALID_IMPORT, e.getMessage());
            }
        }, false);
    }

    static JsonObject reportJson(ImportReport report) {
        JsonArray tables = new JsonArray();
        for (ImportReport.Table table : report.tables()) {
            JsonArray differences = new JsonArray();
            table.differences().forEach(d -> differences.add(new JsonObject()
                    .put("cell", new JsonObject().put("section", d.cell().section()).put("row", d.cell().row())
                            .put("column", d.cell().column()))
                    .put("printed", d.printed().toYuanString())
                    .put("derived", d.derived() == null ? null : d.derived().toYuanString())
                    .put("explanation", d.explanation()).put("rule", d.ruleKey())));
            tables.add(new JsonObject().put("number", table.number()).put("title", table.title())
                    .put("section", table.section()).put("imported", table.imported())
                    .put("derivedEqual", table.derivedEqual()).put("differences", differences)
                    .put("emptyNote", table.emptyNote()));
        }
        JsonArray checks = new JsonArray();
        report.checks().forEach(c -> checks.add(new JsonObject().put("key", c.key()).put("rule", c.rule())
                .put("severity", c.severity().wireName()).put("message", c.message())));
        return new JsonObject().put("template", report.templateId()).put("entity", report.entity())
                .put("year", report.year()).put("tables", tables).put("unplaced", new JsonArray(report.unplaced()))
                .put("checks", checks);
    }
}
