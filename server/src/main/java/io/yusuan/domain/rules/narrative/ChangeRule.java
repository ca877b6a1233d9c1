package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.rules.narrative.Claims.Breakdown;
import io.yusuan.domain.rules.narrative.Claims.Component;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * T03, year on year.
 *
 * <p>Rates: «A 万元，比上年增加 Δ 万元，增长 p%» — last year was A − Δ (A + Δ after 减少/下降), and p is
 * Δ ÷ last year. An item new this year (A = Δ) is written «增长 100%». The rate may be off by the
 * rounding of A and Δ and of p itself, and by one more unit of p's last digit: texts compute rates
 * from figures other than those printed (the 元 figures, a differently rounded last year) or cut
 * instead of rounding. A rate computed on the wrong base is off by far more (31.29% for 45.53%).
 *
 * <p>Sums: «A 万元，较上年减少 Δ 万元，其中：B …，较上年增加 x 万元；C …» — when the items listed cover
 * A (their amounts add up to it, or their labels name table figures that do), their changes add up
 * to Δ. They are compared as printed, with the rounding remainder of the printed digits (half a unit
 * of the finest digit per figure): a list that does not add up as printed is what a reader sees.
 * If a coarser-written item («36 万元», «1.1 万元») could explain the gap, it is a warning; otherwise
 * an error.
 */
final class ChangeRule {

    static final String ID = "T03";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private ChangeRule() {
    }

    static void check(Claims claims, FigureIndex index, Findings out) {
        for (Claim claim : claims.amounts()) {
            if (claim.rate() != null && claim.change().yearOnYear() && !claim.token().approximate()) {
                rate(claim, out);
            }
        }
        for (Breakdown breakdown : claims.breakdowns()) {
            if (breakdown.complete() && !breakdown.head().token().approximate()) {
                sum(breakdown, claims, index, out);
            }
        }
    }

    private static void rate(Claim claim, Findings out) {
        Token change = claim.change();
        Percent stated = claim.rate().percent();
        if (change.direction() == 0 || change.direction() != claim.rate().direction() || change.approximate()) {
            return;
        }
        Quoted a = claim.amount();
        Quoted delta = change.amount();
        boolean up = change.direction() > 0;
        if (up && a.yuan().compareTo(delta.yuan()) == 0) {
            // New this year: nothing to divide by; the convention is «增长 100%».
            if (stated.value().compareTo(HUNDRED) == 0) {
                out.checked(ID);
            }
            return;
        }
        Range last = up ? a.range().minus(delta.range()) : a.range().plus(delta.range());
        if (!last.positive()) {
            return;
        }
        out.checked(ID);
        Range allowed = Range.percent(delta.range(), last);
        if (allowed.near(stated.value(), stated.half().add(stated.unit()))) {
            return;
        }
        BigDecimal lastValue = up ? a.yuan().subtract(delta.yuan()) : a.yuan().add(delta.yuan());
        BigDecimal should = delta.yuan().multiply(HUNDRED).divide(lastValue, MC);
        String word = up ? "增长" : "下降";
        String message = "说明中" + claim.describe() + "，比上年" + (up ? "增加" : "减少") + delta.text()
                + "，" + word + "率写为" + stated.text() + "，应为" + Wording.percent(should, stated.decimals()) + "（"
                + delta.text() + "÷上年数" + Wording.asQuoted(lastValue, a) + "）" + hint(a, delta, up, stated) + "。";
        out.add(ID, Severity.ERROR, message, List.of(), null, null);
    }

    /** Names the slip when the stated rate is what a wrong base gives. */
    private static String hint(Quoted a, Quoted delta, boolean up, Percent stated) {
        BigDecimal slack = stated.half().add(stated.unit());
        if (a.range().positive() && Range.percent(delta.range(), a.range()).near(stated.value(), slack)) {
            return "，所写比率是以本年数为基数算出的";
        }
        Range other = up ? a.range().plus(delta.range()) : a.range().minus(delta.range());
        if (other.positive() && Range.percent(delta.range(), other).near(stated.value(), slack)) {
            return "，所写比率是把" + (up ? "增加" : "减少") + "当作" + (up ? "减少" : "增加") + "推算上年数得出的";
        }
        return "";
    }

    private static void sum(Breakdown breakdown, Claims claims, FigureIndex index, Findings out) {
        Claim head = breakdown.head();
        Quoted total = headChange(head, claims);
        if (total == null) {
            return;
        }
        String elsewhere = head.change() == null ? "（文中另处所述）" : "";
        Range covered = Range.point(BigDecimal.ZERO);
        List<CellRef> cells = new ArrayList<>();
        List<Quoted> changes = new ArrayList<>();
        for (Component item : breakdown.components()) {
            if (item.change().approximate()) {
                return;
            }
            if (item.claim() != null) {
                covered = covered.plus(item.claim().amount().range());
            } else if (!claims.thisYear(head)) {
                return; // the tables hold this year's figures, not those of the year the head speaks of
            } else {
                List<Figure> figures = Resolver.figures(Labels.read(item.change().lead()), index);
                if (figures.isEmpty()) {
                    return;
                }
                covered = covered.plus(Quoted.exact(figures.get(0).amount()).range());
                figures.forEach(f -> cells.add(f.cell()));
            }
            changes.add(item.change().signedChange());
        }
        if (!covered.overlaps(head.amount().range())) {
            return;
        }
        out.checked(ID);
        BigDecimal listed = BigDecimal.ZERO;
        StringBuilder terms = new StringBuilder();
        List<Quoted> all = new ArrayList<>(changes);
        all.add(total);
        for (Quoted c : changes) {
            listed = listed.add(c.yuan());
            terms.append(terms.length() == 0 ? "" : " ").append(c.yuan().signum() < 0 ? "−" : "+")
                    .append(c.text().replace("元", "").replace("万", ""));
        }
        BigDecimal gap = listed.subtract(total.yuan()).abs();
        if (gap.compareTo(asPrinted(all)) <= 0) {
            return;
        }
        boolean roundingMayExplain = gap.compareTo(widest(all)) <= 0;
        int decimals = Math.max(2, Wording.decimalsOf(total));
        String message = "说明中" + head.describe() + "较上年" + Wording.change(total.yuan(), total,
                decimals) + elsewhere + "，其下所列各项变动之和为" + Wording.change(listed, total, decimals) + "（" + terms + "），两者不一致"
                + (roundingMayExplain ? "；若有的项是约数，差额可能出自舍入，请写到与总数相同的位数" : "") + "。";
        out.add(ID, roundingMayExplain ? Severity.WARNING : Severity.ERROR, message, cells, money(listed), total.money());
    }

    /** The change the head states, or the one change the text states for the same amount elsewhere. */
    private static Quoted headChange(Claim head, Claims claims) {
        if (head.change() != null) {
            return head.change().yearOnYear() ? head.change().signedChange() : null;
        }
        List<Token> stated = claims.changesByAmount().getOrDefault(head.amount().yuan().stripTrailingZeros(), List.of());
        if (stated.isEmpty()) {
            return null;
        }
        Quoted first = stated.get(0).signedChange();
        for (Token t : stated) {
            if (t.signedChange().yuan().compareTo(first.yuan()) != 0) {
                return null;
            }
        }
        return first;
    }

    /** The rounding remainder if every figure were printed to the finest digit any of them has. */
    private static BigDecimal asPrinted(List<Quoted> figures) {
        BigDecimal finest = null;
        int rounded = 0;
        for (Quoted q : figures) {
            if (q.half().signum() > 0) {
                rounded++;
                finest = finest == null || q.half().compareTo(finest) < 0 ? q.half() : finest;
            }
        }
        return finest == null ? BigDecimal.ZERO : finest.multiply(BigDecimal.valueOf(rounded));
    }

    /** The rounding remainder of the figures as written, each to its own digits. */
    private static BigDecimal widest(List<Quoted> figures) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Quoted q : figures) {
            sum = sum.add(q.half());
        }
        return sum;
    }

    private static Money money(BigDecimal yuan) {
        return new Quoted(yuan, BigDecimal.ZERO, "").money();
    }
}
