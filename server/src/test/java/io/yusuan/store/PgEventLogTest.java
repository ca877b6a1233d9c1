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
            return catalog.createDocument("anhui-dept", "契约测试", "单位", 2024, Map.of(), userId)
                    .await(20, TimeUnit.SECONDS).id();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
