package io.yusuan.transport.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.yusuan.auth.Tokens;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.ImportFigures;
import io.yusuan.importer.BudgetImporter;
import io.yusuan.room.RoomRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * POST /api/documents/{id}/import: a published budget text replaces the figures of the tables it
 * has in an existing document of the same template — through the room, like every change, so a
 * locked table refuses it (SECTION_LOCKED) exactly as it refuses an edit.
 */
final class DocumentImportRoutes {

    static final String PATH = "/api/documents/:id/import";

    private final Vertx vertx;
    private final BudgetImporter importer;
    private final RoomRegistry rooms;
    private final DocumentAccess access;
    private final Path uploads;

    DocumentImportRoutes(Vertx vertx, BudgetImporter importer, RoomRegistry rooms, DocumentAccess access, Path uploads) {
        this.vertx = vertx;
        this.importer = importer;
        this.rooms = rooms;
        this.access = access;
        this.uploads = uploads;
    }

    static boolean matches(String path) {
        return path.startsWith("/api/documents/") && path.endsWith("/import");
    }

    /** As for /api/import: the token is checked before an upload is stored. */
    void mountBodyHandler(Router router, Tokens tokens) {
        router.post(PATH).handler(ctx -> {
            ctx.request().pause();
            tokens.check(AuthRoutes.bearerToken(ctx)).onComplete(checked -> {
                if (checked.failed()) {
                    ErrorResponses.send(ctx, ErrorCode.UNAUTHENTICATED, "请先登录（令牌无效或已过期）");
                } else {
                    ctx.next();
                }
            });
        });
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(ImportRoutes.MAX_UPLOAD_BYTES)
                .setUploadsDirectory(uploads.toString()).setDeleteUploadedFilesOnEnd(true));
    }

    void mount(Router router) {
        router.post(PATH).handler(this::importInto);
    }

    private void importInto(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.BAD_MESSAGE, "请用 multipart 字段 file 上传预算文本"));
        HttpCommand command = new HttpCommand(AuthRoutes.user(ctx));
        access.role(ctx, id).compose(role -> rooms.open(id)).compose(room -> vertx.fileSystem()
                .readFile(file.uploadedFileName())
                .compose(bytes -> ImportRoutes.read(vertx, importer, bytes.getBytes(), BudgetImporter.Progress.NONE))
                .compose(result -> {
                    if (!result.draft().templateId().equals(room.info().templateId())) {
                        throw new ApiException(ErrorCode.INVALID_IMPORT, "这份文本对应模板 " + result.draft().templateId()
                                + "，与本预算的模板 " + room.info().templateId() + " 不同");
                    }
                    room.command(command, null, new ImportFigures(result.draft().rows(), result.draft().inputs(),
                            result.draft().texts(), result.draft().emptySections(), "import-" + UUID.randomUUID()));
                    return command.answer().timeout(60, TimeUnit.SECONDS).map(answer -> Map.entry(answer, result));
                }))
                .onSuccess(done -> {
                    JsonObject answer = done.getKey();
                    if (!HttpCommand.acknowledged(answer)) {
                        HttpCommand.sendRefusal(ctx, answer);
                        return;
                    }
                    ctx.json(new JsonObject().put("version", answer.getLong("version"))
                            .put("report", ImportRoutes.reportJson(done.getValue().report())));
                })
                .onFailure(ctx::fail);
    }
}
