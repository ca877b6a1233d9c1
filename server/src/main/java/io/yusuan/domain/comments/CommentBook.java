package io.yusuan.domain.comments;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every comment thread of one document, in the order they were opened. Confined to its room. */
public final class CommentBook {

    private final Map<String, CommentThread> threads = new LinkedHashMap<>();

    public CommentBook() {
    }

    public CommentBook(Collection<CommentThread> threads) {
        threads.forEach(t -> this.threads.put(t.id(), t));
    }

    public Optional<CommentThread> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    public Collection<CommentThread> threads() {
        return Collections.unmodifiableCollection(threads.values());
    }

    public List<CommentThread> list() {
        return List.copyOf(threads.values());
    }

    public void apply(CommentChange change, Actor by, Instant at) {
        switch (change.kind()) {
            case OPENED -> threads.put(change.thread(), new CommentThread(change.thread(), change.anchor(),
                    List.of(new Comment(change.comment(), by, at, change.text())), false, null, null));
            case REPLIED -> threads.computeIfPresent(change.thread(),
                    (id, t) -> t.with(new Comment(change.comment(), by, at, change.text())));
            case RESOLVED -> threads.computeIfPresent(change.thread(), (id, t) -> t.resolved(true, by, at));
            case REOPENED -> threads.computeIfPresent(change.thread(), (id, t) -> t.resolved(false, by, at));
        }
    }
}
