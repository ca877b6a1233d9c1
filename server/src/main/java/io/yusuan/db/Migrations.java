package io.yusuan.db;

import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;

/**
 * Applies {@code migrations/} (packed into the jar as db/migration) with Flyway over JDBC, once at
 * start and before the event loop takes traffic; the server itself never uses JDBC.
 */
public final class Migrations {

    private Migrations() {
    }

    public static int apply(PgConnectOptions options) {
        String jdbcUrl = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
                + options.getDatabase();
        return Flyway.configure()
                .dataSource(jdbcUrl, options.getUser(), options.getPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
