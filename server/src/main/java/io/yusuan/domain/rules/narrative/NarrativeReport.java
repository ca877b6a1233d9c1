package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.rules.RuleResult;
import java.util.List;
import java.util.Map;

/**
 * What checking one 说明 text found, and how many of its claims each rule could judge (a claim whose
 * label names no figure, or several different ones, is not judged and not counted). The counts let
 * the page say «已核对 N 处» and let tests tell "nothing wrong" from "nothing read".
 */
public record NarrativeReport(List<RuleResult> results, Map<String, Integer> checked) {

    public NarrativeReport {
        results = List.copyOf(results);
        checked = Map.copyOf(checked);
    }

    public int checked(String rule) {
        return checked.getOrDefault(rule, 0);
    }
}
