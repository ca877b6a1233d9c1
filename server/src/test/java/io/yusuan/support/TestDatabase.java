package io.yusuan.support;

import io.yusuan.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the tests run against: {@code DATABASE_URL} when set, else one embedded server
 * for the whole test JVM. Every caller gets a fresh database of its own. There is no skipping: if
 * no PostgreSQL can be had, the tests fail.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String baseUrl;

    private TestDatabase() {
    }

    /** A new, empty database; returns its postgres:// URL. */
    public static synchronized String fresh() {
        String base = base();
        String name = "t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        PgUrl url = PgUrl.parse(base);
        try (Connection conn = DriverManager.getConnection(url.jdbc(), url.user(), url.password());
             Statement st = conn.createStatement()) {
            st.execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database on " + url.jdbc(), e);
        }
        return url.withDatabase(name).text();
    }

    private static String base() {
        if (baseUrl == null) {
            String configured = System.getenv("DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                baseUrl = configured;
            } else {
                try {
                    Path dir = Files.createTempDirectory("yusuan-test-pg");
                    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
                    Runtime.getRuntime().addShutdownHook(new Thread(db::close));
                    baseUrl = db.url();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the embedded PostgreSQL for tests", e);
                }
            }
        }
        return baseUrl;
    }

    /** Just enough URL handling for postgres://user:pass@host:port/db. */
    public record PgUrl(String user, String password, String host, int port, String database) {
        public static PgUrl parse(String url) {
            java.net.URI uri = java.net.URI.create(url.replaceFirst("^postgresql:", "postgres:"));
            String[] info = uri.getUserInfo() == null ? new String[]{"postgres"} : uri.getUserInfo().split(":", 2);
            return new PgUrl(info[0], info.length > 1 ? info[1] : "", uri.getHost(),
                    uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().replaceFirst("^/", ""));
        }

        public String jdbc() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        PgUrl withDatabase(String name) {
            return new PgUrl(user, password, host, port, name);
        }

        String text() {
            return "postgres://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/"
                    + database;
        }
    }
}
