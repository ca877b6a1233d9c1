package io.yusuan;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.yusuan.config.Settings;
import io.yusuan.db.EmbeddedDatabase;
import io.yusuan.db.Migrations;

/**
 * The database for a one-off command (add-user, import): the configured PostgreSQL, or the
 * embedded one started for the command's duration, migrated, with a small pool.
 */
final class CommandDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final Vertx vertx;
    private final Pool pool;

    CommandDatabase(Settings settings) {
        embedded = settings.databaseUrl() == null ? EmbeddedDatabase.start(settings.dataDir()) : null;
        vertx = Vertx.vertx();
        PgConnectOptions connect = PgConnectOptions.fromUri(embedded != null ? embedded.url() : settings.databaseUrl());
        Migrations.apply(connect);
        pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
    }

    Vertx vertx() {
        return vertx;
    }

    Pool pool() {
        return pool;
    }

    @Override
    public void close() {
        vertx.close().await();
        if (embedded != null) {
            embedded.close();
        }
    }
}
