package io.yusuan.store;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.yusuan.db.Migrations;
import io.yusuan.store.pg.PgCatalog;
import io.yusuan.store.pg.PgEventLog;
import io.yusuan.support.TestDatabase;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against real PostgreSQL, through the group committer. */
class PgEventLogTest extends EventLogContract {

    private static Vertx vertx;
    private static Pool pool;
    private static PgEventLog log;
    private static PgCatalog catalog;
    private static long userId;

    @BeforeAll
    static void database() throws Exception {
        PgConnectOptions connect = PgConnectOptions.fromUri(TestDatabase.fresh());
        Migrations.apply(connect);
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect).using(vertx).build();
        log = new PgEventLog(pool, ((VertxInternal) vertx).createEventLoopContext(), 500, 2);
        catalog = new PgCatalog(pool);
        userId = catalog.createUser("contract", "契约", "x", "editor").await(20, TimeUnit.SECONDS).id();
    }

    @AfterAll
    static void close() throws Exception {
        pool.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Override
    protected EventLog log() {
        return log;
    }

    @Override
    protected long newDocument() {
        try {
            return catalog.createDocument("anhui-dept", "契约测试", "单位", 2024, Map.of(), userId, java.util.List.of())
                    .await(20, TimeUnit.SECONDS).id();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void aDocumentIsCreatedWithItsFirstVersionsOrNotAtAll() throws Exception {
        int before = catalog.documentsOf(userId, true).await(20, TimeUnit.SECONDS).size();
        // Version 1 by an author who does not exist: the event insert fails, so must the document.
        io.yusuan.domain.AppliedEvent orphan = new io.yusuan.domain.AppliedEvent(1,
                new io.yusuan.domain.budget.Actor(987654, "无此人"), "x", java.time.Instant.now(),
                java.util.List.of(), java.util.List.of());
        Throwable failure = failureOf(catalog.createDocument("anhui-dept", "半途", "单位", 2024, Map.of(), userId,
                java.util.List.of(orphan)));
        org.junit.jupiter.api.Assertions.assertNotNull(failure);
        org.junit.jupiter.api.Assertions.assertEquals(before,
                catalog.documentsOf(userId, true).await(20, TimeUnit.SECONDS).size(), "no half-created document");
        var created = catalog.createDocument("anhui-dept", "完整", "单位", 2024, Map.of(), userId,
                java.util.List.of(event(1, "first", "1.00"))).await(20, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertEquals(1L, log.currentVersion(created.id()).await(20, TimeUnit.SECONDS));
    }
}
