package io.yusuan.domain.rules.narrative;

/**
 * One figure-bearing phrase of a sentence, in text order.
 *
 * @param index     position among all tokens of the text
 * @param paragraph index of the paragraph
 * @param sentence  index of the sentence (over the whole text)
 * @param lead      the words before it in its clause: the label of an amount («卫生健康支出»), the
 *                  item of a change without an amount («基本支出增加 …» → «基本支出»); for a
 *                  LIST_INTRO the word itself
 * @param direction +1 增加/增长, −1 减少/下降, 0 持平 (changes only)
 * @param yearOnYear a change said against last year («比 2023 年预算», «较上年»)
 * @param separator the clause mark before its clause («，», «；», «、» …), 0 at the start of a sentence or
 *                  when another figure precedes it in the same clause
 * @param approximate «约 26 万元», «50 万元以上»: not a figure to check
 */
record Token(int index, int paragraph, int sentence, Kind kind, Quoted amount, Percent percent, String lead,
             int direction, boolean yearOnYear, char separator, boolean approximate) {

    enum Kind {
        /** «卫生健康支出 1127.50 万元» */
        AMOUNT,
        /** «比 2023 年预算增加 73.55 万元», «基本支出增加 88.92 万元», «与上年持平» */
        CHANGE,
        /** «增长 4.33%», «下降 36.77%» */
        PERCENT_CHANGE,
        /** «占 7.08%» */
        SHARE,
        /** «其中», «分为», «包括»: a breakdown of the amount before follows */
        LIST_INTRO
    }

    /**
     * An amount that continues a list («…、B 0 万元», «…和 C 1.43 万元»): what follows it may be said of
     * the whole list, not of it.
     */
    boolean listTail() {
        return separator == '、' || lead.startsWith("和") || lead.startsWith("及") || lead.startsWith("以及");
    }

    /** The change as a signed amount in 元 (a decrease is negative). */
    Quoted signedChange() {
        return direction < 0 ? new Quoted(amount.yuan().negate(), amount.half(), amount.text()) : amount;
    }
}
