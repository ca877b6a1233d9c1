package io.yusuan.domain.rules;

/** How a rule compares its two sides. */
public enum Comparison {
    /** 左 = 右 (most identities of a published budget). */
    EQUAL,
    /** 左 ≤ 右 (one figure must not exceed another, e.g. 机关运行经费 ≤ 公用经费). */
    AT_MOST
}
