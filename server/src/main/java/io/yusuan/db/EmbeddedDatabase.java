package io.yusuan.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started by the server itself from the binaries shipped in a Maven artifact,
 * with its data kept under {@code DATA_DIR/pg} across restarts. As root, the launcher runs the
 * server in a user namespace (PostgreSQL refuses to run as root). Durability stays on: the
 * launcher's defaults turn fsync and synchronous_commit off, and we turn them back on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("pg");
        try {
            Files.createDirectories(dataDir);
            clearStaleServer(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            LOG.info("embedded PostgreSQL on 127.0.0.1:{}, data in {}", postgres.getPort(), pgData);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded PostgreSQL in " + pgData, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Connection URL for the server's own pool (trust authentication on loopback). */
    public String url() {
        return "postgres://postgres@127.0.0.1:" + port() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL: {}", e.toString());
        }
    }

    /**
     * A previous run that died without stopping its PostgreSQL leaves either a stale postmaster.pid
     * (PostgreSQL itself discards it when the pid is not running) or an orphan server on our data
     * directory. An orphan is stopped; but a server whose launcher still holds the data
     * directory's lock belongs to a live process (a running Yusuan, or add-user started beside
     * it), and is left alone with a clear error.
     */
    private static void clearStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (RuntimeException unreadable) {
            LOG.warn("removing unreadable {}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(p -> servesDirectory(p, pgData));
        if (server.isEmpty()) {
            LOG.info("stale {} (pid {} is not a PostgreSQL on this directory): PostgreSQL will discard it",
                    pidFile, pid);
            return;
        }
        if (lockedByAnotherProcess(pgData.resolve(LAUNCHER_LOCK))) {
            throw new IllegalStateException("the embedded database in " + pgData + " is in use by another running"
                    + " Yusuan process (PostgreSQL pid " + pid + "): stop that process first, or set DATABASE_URL");
        }
        LOG.warn("stopping PostgreSQL pid {} left running by a previous run", pid);
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the previous run.
        server.get().destroy();
        try {
            server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            throw new IllegalStateException("PostgreSQL pid " + pid + " on " + pgData
                    + " did not stop within 30 s; stop it by hand", notStopped);
        }
    }

    /** The lock file the launcher holds while its PostgreSQL runs (released when its JVM dies). */
    private static final String LAUNCHER_LOCK = "epg-lock";

    private static boolean servesDirectory(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("postgres")).orElse(false);
        return postgres && info.commandLine().map(line -> line.contains(pgData.toString())).orElse(true);
    }

    private static boolean lockedByAnotherProcess(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
