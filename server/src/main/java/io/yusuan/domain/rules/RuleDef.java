package io.yusuan.domain.rules;

/**
 * A rule as a template states it: two formulas (same syntax as cell formulas) compared exactly in
 * 元. With {@code forEachRowOf} set, the rule is instantiated once per row of that section, with
 * {@code {row}} in the formulas replaced by the row key.
 */
public record RuleDef(String id, Severity severity, String message, String left, String right,
                      Comparison comparison, String forEachRowOf) {
}
