package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.rules.narrative.Claims.ShareGroup;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * T02: «X 万元，占 p%» — p is X divided by the total the list breaks down, and the shares of a list
 * that covers its total add up to 100%.
 *
 * <p>Which total: when the shares add up to 100% (within their rounding) the parts are the whole
 * and the total is their sum — this needs no guess about which earlier sentence gave it
 * («支出按功能分类分为：…» after «财政拨款收支预算 1773.19 万元。…»). Otherwise the amount the list was
 * introduced as parts of («… 1000 万元，其中：…») is the total: if the parts add up to it the shares
 * should add up to 100%; if they are only some of it, each share is still checked against it when it
 * is in the same sentence. Anything else is not judged.
 *
 * <p>A share passes if X ÷ total, for any X and total the quoted digits allow, rounds to p, or if p is
 * what the largest-remainder method gives (rounding that makes the list add to exactly 100%).
 */
final class ShareRule {

    static final String ID = "T02";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ShareRule() {
    }

    static void check(Claims claims, Findings out) {
        for (ShareGroup group : claims.shareGroups()) {
            check(group, out);
        }
    }

    private static void check(ShareGroup group, Findings out) {
        List<Claim> parts = group.parts();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal rounding = BigDecimal.ZERO;
        Range partsRange = Range.point(BigDecimal.ZERO);
        BigDecimal partsValue = BigDecimal.ZERO;
        for (Claim part : parts) {
            sum = sum.add(part.share().percent().value());
            rounding = rounding.add(part.share().percent().half());
            partsRange = partsRange.plus(part.amount().range());
            partsValue = partsValue.add(part.amount().yuan());
        }
        boolean addsUp = sum.subtract(HUNDRED).abs().compareTo(rounding) <= 0;
        if (addsUp) {
            judgeEach(parts, null, partsValue, true, "所列各项合计", out);
            return;
        }
        Claim head = group.head();
        if (head == null || head.token().approximate() || !head.amount().range().positive()) {
            return;
        }
        Range total = head.amount().range();
        if (partsRange.overlaps(total)) {
            out.checked(ID);
            out.add(ID, Severity.ERROR, "说明中" + head.describe() + "的各项占比" + listed(parts)
                    + "合计为" + sum.toPlainString() + "%，而所列各项金额合计即为总额，占比之和应为100%。", List.of(), null, null);
            judgeEach(parts, total, head.amount().yuan(), true, head.describe(), out);
        } else if (group.headInSentence() && partsRange.hi().compareTo(total.lo()) < 0) {
            judgeEach(parts, total, head.amount().yuan(), false, head.describe(), out);
        }
    }

    /** {@code total} null: the total is the parts' own sum. */
    private static void judgeEach(List<Claim> parts, Range total, BigDecimal totalValue, boolean whole, String base,
                                  Findings out) {
        if (totalValue.signum() <= 0 || total != null && !total.positive()) {
            return;
        }
        List<BigDecimal> largestRemainder = whole ? largestRemainder(parts, totalValue) : null;
        for (int i = 0; i < parts.size(); i++) {
            Claim part = parts.get(i);
            Percent stated = part.share().percent();
            out.checked(ID);
            Range allowed = total != null ? Range.percent(part.amount().range(), total)
                    : Range.share(part.amount().range(), rest(parts, i));
            boolean rounded = allowed.near(stated.value(), stated.half());
            boolean balanced = largestRemainder != null && largestRemainder.get(i).compareTo(stated.value()) == 0;
            if (rounded || balanced) {
                continue;
            }
            BigDecimal should = part.amount().yuan().multiply(HUNDRED).divide(totalValue, MathContext.DECIMAL64);
            out.add(ID, Severity.ERROR, "说明中" + part.describe() + "写为占" + stated.text()
                    + "，按" + base + "计算应为" + Wording.percent(should, stated.decimals()) + "。", List.of(), null, null);
        }
    }

    private static Range rest(List<Claim> parts, int except) {
        Range rest = Range.point(BigDecimal.ZERO);
        for (int j = 0; j < parts.size(); j++) {
            if (j != except) {
                rest = rest.plus(parts.get(j).amount().range());
            }
        }
        return rest;
    }

    /**
     * The shares to the digits written, rounded down and the missing units given to the largest
     * remainders so that they add up to exactly 100%; null when that cannot be done.
     */
    private static List<BigDecimal> largestRemainder(List<Claim> parts, BigDecimal total) {
        if (total.signum() <= 0) {
            return null;
        }
        int decimals = 0;
        for (Claim part : parts) {
            decimals = Math.max(decimals, part.share().percent().decimals());
        }
        BigDecimal scale = BigDecimal.ONE.movePointRight(decimals);
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Claim part : parts) {
            BigDecimal units = part.amount().yuan().multiply(HUNDRED).multiply(scale).divide(total, MathContext.DECIMAL64);
            BigDecimal floor = units.setScale(0, RoundingMode.FLOOR);
            floors.add(floor);
            remainders.add(units.subtract(floor));
            given = given.add(floor);
        }
        int missing = HUNDRED.multiply(scale).subtract(given).intValue();
        if (missing < 0 || missing > parts.size()) {
            return null;
        }
        for (int k = 0; k < missing; k++) {
            int best = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (best < 0 || remainders.get(i).compareTo(remainders.get(best)) > 0) {
                    best = i;
                }
            }
            floors.set(best, floors.get(best).add(BigDecimal.ONE));
            remainders.set(best, BigDecimal.valueOf(-1));
        }
        List<BigDecimal> shares = new ArrayList<>();
        for (BigDecimal units : floors) {
            shares.add(units.divide(scale));
        }
        return shares;
    }

    private static String listed(List<Claim> parts) {
        StringBuilder s = new StringBuilder("（");
        for (Claim part : parts) {
            s.append(s.length() > 1 ? "、" : "").append(part.share().percent().text());
        }
        return s.append("）").toString();
    }
}
