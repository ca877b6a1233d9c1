package io.yusuan.domain.rules.narrative;

/**
 * An amount the text states, with what the text says about it in the same breath: its change
 * against last year («比 2023 年预算增加 73.55 万元»), the rate of that change («增长 4.33%») and its
 * share of a total («占 7.08%»). Filled in by {@link ClaimReader}; read-only afterwards.
 */
final class Claim {

    private final Token amount;
    private final Labels.Keys keys;
    private final int year;
    private Token change;
    private Token rate;
    private Token share;

    Claim(Token amount) {
        this.amount = amount;
        this.keys = Labels.read(amount.lead());
        this.year = Labels.yearOf(amount.lead());
    }

    /** The year its words give it ({@link Labels#yearOf}). */
    int year() {
        return year;
    }

    Token token() {
        return amount;
    }

    Quoted amount() {
        return amount.amount();
    }

    Labels.Keys keys() {
        return keys;
    }

    /** The label as the sentence writes it, for messages. */
    String label() {
        if (!keys.names().isEmpty()) {
            return keys.names().get(0);
        }
        return keys.code() == null ? "" : keys.code();
    }

    /** «「卫生健康支出」1127.50万元», or the amount alone when the sentence gives no label. */
    String describe() {
        String label = label();
        return (label.isEmpty() ? "" : "「" + label + "」") + amount.amount().text();
    }

    Token change() {
        return change;
    }

    Token rate() {
        return rate;
    }

    Token share() {
        return share;
    }

    void change(Token t) {
        change = t;
    }

    void rate(Token t) {
        rate = t;
    }

    void share(Token t) {
        share = t;
    }
}
