package io.yusuan.domain.comments;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;

/** One message in a thread: its id (stable, from the version that added it), author, time, text. */
public record Comment(String id, Actor by, Instant at, String text) {
}
