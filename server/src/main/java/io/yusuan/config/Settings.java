package io.yusuan.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting of the server, read once at start: environment variables first, then the file
 * named by {@code CONFIG_FILE} (default {@code ./yusuan.properties}, optional), then defaults.
 * README lists them all.
 */
public record Settings(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        Path webroot,
        boolean demoData,
        String jwtSecret,
        int maxFrameBytes,
        int maxMessagesPerSecond,
        int snapshotEvery,
        int catchupLimit,
        long idleUnloadMillis,
        int maxBatch,
        int dbPoolSize,
        String pdfFont) {

    public static Settings load(Map<String, String> env) {
        Properties file = new Properties();
        Path configFile = Path.of(env.getOrDefault("CONFIG_FILE", "yusuan.properties"));
        if (Files.isRegularFile(configFile)) {
            try (InputStream in = Files.newInputStream(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + configFile, e);
            }
        }
        Source s = new Source(env, file);
        String databaseUrl = s.get("DATABASE_URL", null);
        return new Settings(
                s.get("HOST", "127.0.0.1"),
                s.integer("PORT", 8080),
                Path.of(s.get("DATA_DIR", "data")).toAbsolutePath(),
                databaseUrl,
                WebrootLocator.locate(s.get("WEBROOT", null)),
                // Demo users and budgets are on by default only for the embedded database, so a
                // production PostgreSQL never gets accounts with a published password.
                Boolean.parseBoolean(s.get("DEMO_DATA", String.valueOf(databaseUrl == null))),
                s.get("JWT_SECRET", null),
                s.integer("MAX_FRAME_BYTES", 64 * 1024),
                s.integer("MAX_MESSAGES_PER_SECOND", 50),
                s.integer("SNAPSHOT_EVERY", 100),
                s.integer("CATCHUP_LIMIT", 1000),
                s.integer("IDLE_UNLOAD_SECONDS", 60) * 1000L,
                s.integer("MAX_BATCH", 100),
                s.integer("DB_POOL_SIZE", 8),
                s.get("PDF_FONT", null));
    }

    private record Source(Map<String, String> env, Properties file) {
        String get(String key, String fallback) {
            String value = env.get(key);
            if (value == null || value.isBlank()) {
                value = file.getProperty(key);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String key, int fallback) {
            String value = get(key, null);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be an integer, got '" + value + "'");
            }
        }
    }
}
