package io.yusuan.transport.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long work a page waits for (an export of a large budget): started by one user, run off the event
 * loop, its progress polled with GET /api/jobs/{id}, its file fetched when done. Jobs live in memory
 * and are forgotten ten minutes after they end: a lost job is simply started again.
 */
final class Jobs {

    static final long KEEP_MILLIS = 10 * 60 * 1000;

    /** One job; progress fields are written by the worker and read by the poller. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final long owner;
        final String kind;
        volatile String status = "running";
        volatile String stage = "";
        volatile int done;
        volatile int total;
        volatile byte[] file;
        volatile String fileName;
        volatile String contentType;
        volatile String error;
        volatile String errorCode;
        volatile long endedAt;
        volatile JsonObject result;

        Job(long owner, String kind) {
            this.owner = owner;
            this.kind = kind;
        }

        void progress(String stage, int done, int total) {
            this.stage = stage;
            this.done = done;
            this.total = total;
        }

        void finish(byte[] file, String fileName, String contentType) {
            this.file = file;
            this.fileName = fileName;
            this.contentType = contentType;
            this.status = "done";
            this.endedAt = System.currentTimeMillis();
        }

        /** A job whose outcome is data (an import's document and report), not a file. */
        void finish(JsonObject result) {
            this.result = result;
            this.status = "done";
            this.endedAt = System.currentTimeMillis();
        }

        void fail(String code, String message) {
            this.errorCode = code;
            this.error = message;
            this.status = "failed";
            this.endedAt = System.currentTimeMillis();
        }

        JsonObject json() {
            JsonObject json = new JsonObject().put("id", id).put("kind", kind).put("status", status).put("stage", stage)
                    .put("done", done).put("total", total).put("error", error).put("code", errorCode);
            if (result != null) {
                json.put("result", result);
            }
            if (file != null) {
                json.put("file", new JsonObject().put("name", fileName).put("contentType", contentType)
                        .put("bytes", file.length));
            }
            return json;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    Jobs(Vertx vertx) {
        vertx.setPeriodic(60_000, t -> {
            long now = System.currentTimeMillis();
            jobs.values().removeIf(j -> j.endedAt > 0 && now - j.endedAt > KEEP_MILLIS);
        });
    }

    Job start(long owner, String kind) {
        Job job = new Job(owner, kind);
        jobs.put(job.id, job);
        return job;
    }

    /** A job is visible only to whoever started it. */
    Optional<Job> get(String id, long owner) {
        Job job = jobs.get(id);
        return job != null && job.owner == owner ? Optional.of(job) : Optional.empty();
    }
}
