package io.yusuan.domain.rules;

/**
 * A change in the rule results caused by one event: {@code result} became violated (new or with
 * new amounts), or the rule with {@code key} was resolved ({@code result} is then the last one
 * seen, for display).
 */
public record CheckChange(RuleResult result, boolean resolved) {
}
