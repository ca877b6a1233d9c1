package io.yusuan.store;

import io.yusuan.store.memory.InMemoryEventLog;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;

class InMemoryEventLogTest extends EventLogContract {

    private final AtomicLong ids = new AtomicLong();
    private EventLog log;

    @BeforeEach
    void fresh() {
        log = new InMemoryEventLog();
    }

    @Override
    protected EventLog log() {
        return log;
    }

    @Override
    protected long newDocument() {
        return ids.incrementAndGet();
    }
}
