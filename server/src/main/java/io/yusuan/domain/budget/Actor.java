package io.yusuan.domain.budget;

/** Who did something: the user id and the display name shown to other editors. */
public record Actor(long id, String name) {
}
