package io.yusuan;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.yusuan.auth.Tokens;
import io.yusuan.config.Settings;
import io.yusuan.db.EmbeddedDatabase;
import io.yusuan.db.Migrations;
import io.yusuan.demo.DemoData;
import io.yusuan.documents.DocumentCreator;
import io.yusuan.room.RoomRegistry;
import io.yusuan.room.RoomSettings;
import io.yusuan.store.Catalog;
import io.yusuan.store.pg.PgCatalog;
import io.yusuan.store.pg.PgEventLog;
import io.yusuan.templates.TemplateLibrary;
import io.yusuan.transport.http.WebServer;
import io.yusuan.transport.ws.protocol.WireEncoder;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: database (embedded or external), migrations, stores, rooms, HTTP. Start
 * and stop are blocking and run on the caller's thread, before and after the event loops serve.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Settings settings;
    private EmbeddedDatabase embedded;
    private Vertx vertx;
    private Pool pool;
    private RoomRegistry rooms;
    private HttpServer server;
    private Catalog catalog;
    private String databaseUrl;

    private App(Settings settings) {
        this.settings = settings;
    }

    public static App start(Settings settings) {
        App app = new App(settings);
        try {
            app.boot();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void boot() {
        String url = settings.databaseUrl();
        if (url == null) {
            embedded = EmbeddedDatabase.start(settings.dataDir());
            url = embedded.url();
        }
        databaseUrl = url;
        PgConnectOptions connect = PgConnectOptions.fromUri(url);
        int applied = Migrations.apply(connect);
        LOG.info("database {}:{}/{} ready ({} migrations applied now)", connect.getHost(), connect.getPort(),
                connect.getDatabase(), applied);

        TemplateLibrary templates = TemplateLibrary.shipped();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(settings.dbPoolSize()))
                .connectingTo(connect).using(vertx).build();
        catalog = new PgCatalog(pool);
        // Half the pool for group commits, the rest for loads, catch-ups and the HTTP API.
        PgEventLog log = new PgEventLog(pool, ((VertxInternal) vertx).createEventLoopContext(), 500,
                Math.max(1, settings.dbPoolSize() / 2));
        if (settings.demoData()) {
            await(new DemoData(vertx, catalog, templates).ensure(), 120);
        }
        WireEncoder encoder = new WireEncoder();
        rooms = new RoomRegistry(vertx, catalog, log, templates::factoryFor, encoder,
                new RoomSettings(settings.maxBatch(), settings.snapshotEvery(), settings.catchupLimit(),
                        settings.idleUnloadMillis()));
        Tokens tokens = new Tokens(vertx, Tokens.secret(settings.jwtSecret(), settings.dataDir()));
        DocumentCreator creator = new DocumentCreator(catalog, templates);
        WebServer web = new WebServer(vertx, settings, pool, catalog, log, rooms, templates, tokens, encoder, creator);
        try {
            LOG.info("PDF exports embed the font {}", web.exporter().pdfFont().source());
        } catch (io.yusuan.export.FontUnavailableException e) {
            LOG.warn("PDF export unavailable: {}", e.getMessage());
        }
        server = await(web.listen(), 30);
    }

    private static <T> T await(io.vertx.core.Future<T> future, int seconds) {
        try {
            return future.await(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("start-up step did not finish within " + seconds + " s", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** The PostgreSQL in use: the configured one, or the embedded server's loopback URL. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public Settings settings() {
        return settings;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Stops taking connections, lets rooms finish their writes, then stops the database. */
    @Override
    public synchronized void close() {
        // Each step on its own: one that times out must not skip the ones after it.
        if (server != null) {
            step("closing the HTTP server", () -> server.close().await(10, TimeUnit.SECONDS));
        }
        if (rooms != null) {
            step("flushing the rooms", () -> rooms.shutdown().await(30, TimeUnit.SECONDS));
        }
        if (pool != null) {
            step("closing the database pool", () -> pool.close().await(10, TimeUnit.SECONDS));
        }
        if (vertx != null) {
            step("stopping Vert.x", () -> vertx.close().await(10, TimeUnit.SECONDS));
        }
        if (embedded != null) {
            embedded.close();
        }
        server = null;
        rooms = null;
        pool = null;
        vertx = null;
        embedded = null;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("{}: {}", what, e.toString());
        }
    }
}
