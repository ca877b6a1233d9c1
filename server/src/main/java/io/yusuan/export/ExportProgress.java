package io.yusuan.export;

/**
 * Told after each table is laid out, so the server can show how far a large export has come. Called on
 * the exporting thread; an implementation that talks to the event loop must hand the figures over itself.
 */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (done, total) -> { };

    void tablesDone(int tablesDone, int tablesTotal);
}
