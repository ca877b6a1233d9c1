package io.yusuan.export;

import io.yusuan.domain.publish.PublishedBudget;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lays one published budget out in one file format. Blocking: run it off the event loop. The stream is
 * written to but not closed (the caller owns it). The same budget always gives the same bytes.
 */
public interface BudgetWriter {

    /** @param progress told after each table; pass {@link ExportProgress#NONE} when nobody listens */
    void write(PublishedBudget budget, OutputStream out, ExportProgress progress) throws IOException;
}
