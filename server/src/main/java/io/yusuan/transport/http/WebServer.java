package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;
import io.yusuan.auth.Tokens;
import io.yusuan.config.Settings;
import io.yusuan.documents.DocumentCreator;
import io.yusuan.importer.BudgetImporter;
import io.yusuan.domain.ErrorCode;
import io.yusuan.room.RoomRegistry;
import io.yusuan.store.Catalog;
import io.yusuan.store.EventLog;
import io.yusuan.templates.TemplateLibrary;
import io.yusuan.transport.ws.WsSession;
import io.yusuan.transport.ws.protocol.WireEncoder;

/** The HTTP server: REST API, the WebSocket endpoint, health, and the static web app. */
public final class WebServer {

    /** Frames above this close the socket (1009); below it, our own limit answers TOO_LARGE. */
    private static final int HARD_MESSAGE_LIMIT = 1024 * 1024;

    private final Vertx vertx;
    private final Settings settings;
    private final Pool pool;
    private final Catalog catalog;
    private final RoomRegistry rooms;
    private final TemplateLibrary templates;
    private final Tokens tokens;
    private final WireEncoder encoder;
    private final DocumentCreator creator;
    private final EventLog log;
    private final io.yusuan.export.Exporter exporter;

    public WebServer(Vertx vertx, Settings settings, Pool pool, Catalog catalog, EventLog log, RoomRegistry rooms,
                     TemplateLibrary templates, Tokens tokens, WireEncoder encoder, DocumentCreator creator) {
        this.log = log;
        this.exporter = new io.yusuan.export.Exporter(settings.pdfFont());
        this.creator = creator;
        this.vertx = vertx;
        this.settings = settings;
        this.pool = pool;
        this.catalog = catalog;
        this.rooms = rooms;
        this.templates = templates;
        this.tokens = tokens;
        this.encoder = encoder;
    }

    /** Exports share one exporter (it keeps the PDF font once found). */
    public io.yusuan.export.Exporter exporter() {
        return exporter;
    }

    public Future<HttpServer> listen() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/ws").handler(this::upgrade);
        Jobs jobs = new Jobs(vertx);
        ImportRoutes imports = new ImportRoutes(vertx, new BudgetImporter(templates), creator,
                settings.dataDir().resolve("uploads"), jobs);
        imports.mountBodyHandler(router, tokens);
        DocumentAccess access = new DocumentAccess(catalog);
        DocumentImportRoutes documentImports = new DocumentImportRoutes(vertx, new BudgetImporter(templates), rooms,
                access, settings.dataDir().resolve("uploads"));
        documentImports.mountBodyHandler(router, tokens);
        BodyHandler json = BodyHandler.create().setBodyLimit(1024 * 1024);
        router.route("/api/*").handler(ctx -> {
            if (ctx.request().path().equals("/api/import") || DocumentImportRoutes.matches(ctx.request().path())) {
                ctx.next();
            } else {
                json.handle(ctx);
            }
        });
        new AuthRoutes(vertx, catalog, tokens).mount(router);
        new DocumentRoutes(catalog, rooms, templates, encoder).mount(router);
        documentImports.mount(router);
        new CommandRoutes(rooms, access).mount(router);
        new HistoryRoutes(rooms, log, access).mount(router);
        new VersionRoutes(rooms, log, templates, encoder, access).mount(router);
        new ExportRoutes(vertx, rooms, log, templates, access, exporter, jobs).mount(router);
        imports.mount(router);
        router.route("/api/*").handler(ctx -> ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "没有这个接口"));
        router.route("/*").handler(StaticHandler.create(FileSystemAccess.ROOT, settings.webroot().toString())
                .setCachingEnabled(false));
        router.route().failureHandler(ErrorResponses::handle);
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setMaxWebSocketMessageSize(HARD_MESSAGE_LIMIT).setMaxWebSocketFrameSize(HARD_MESSAGE_LIMIT)
                .setCompressionSupported(true);
        return vertx.createHttpServer(options).requestHandler(router).listen();
    }

    private void health(RoutingContext ctx) {
        pool.query("select 1").execute()
                .onSuccess(rows -> ctx.json(new JsonObject().put("status", "ok").put("rooms", rooms.openRooms())))
                .onFailure(err -> ErrorResponses.send(ctx, ErrorCode.UNAVAILABLE, "数据库不可用"));
    }

    /** Checks the token before the upgrade: a bad one is refused with 401 and never becomes a socket. */
    private void upgrade(RoutingContext ctx) {
        ctx.request().pause();
        tokens.check(AuthRoutes.bearerToken(ctx)).onComplete(checked -> {
            ctx.request().resume();
            if (checked.failed()) {
                ErrorResponses.send(ctx, ErrorCode.UNAUTHENTICATED, "请先登录（令牌无效或已过期）");
                return;
            }
            ctx.request().toWebSocket().onSuccess(socket -> new WsSession(socket, checked.result(), rooms, encoder,
                    settings.maxFrameBytes(), settings.maxMessagesPerSecond()).start())
                    .onFailure(err -> ErrorResponses.send(ctx, ErrorCode.BAD_MESSAGE, "不是 WebSocket 升级请求"));
        });
    }
}
