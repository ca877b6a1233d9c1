package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.rules.narrative.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figure-bearing phrases of a sentence (in canonical characters) and what kind each is,
 * from the words right before it: «增加» makes an amount a change, «占» makes a percentage a share,
 * «增长» makes it a rate of change. A number without 元/万元/% (years, counts, codes) is no figure.
 */
final class Tokenizer {

    private static final Pattern FIGURE = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)(万元|亿元|元|%)");
    /** Exactly unchanged; «基本持平» (roughly) is no figure. */
    private static final Pattern FLAT = Pattern.compile("无增减变化|无增减|(?<!基本|大致|大体)持平");
    private static final Pattern INTRO = Pattern.compile("其中|分为|包括");
    private static final Pattern UP = Pattern.compile("(增加|增长率|增长|上升|提高|增幅|增|升)(了|为)?$");
    private static final Pattern DOWN = Pattern.compile("(减少|下降率|下降|降低|减幅|降幅|减|降)(了|为)?$");
    private static final Pattern COMPARED = Pattern.compile(
            "(比|较|同比|与)(上年|上一年|\\d{4}年度?)?(预算数|预算|决算数|决算|执行数)?(相比)?$");
    private static final Pattern APPROX_BEFORE = Pattern.compile("(约|近|超过|不足|不超过|不低于|不少于|≥|≤|>|<|＞|＜)$");
    private static final Pattern APPROX_AFTER = Pattern.compile("^(以上|以下|左右|多|余|/)");
    private static final String SEPARATORS = "，；：、。！？";

    private Tokenizer() {
    }

    /** Appends the tokens of one sentence to {@code out}, numbering them after those already there. */
    static void read(String sentence, int paragraph, int sentenceIndex, List<Token> out) {
        List<int[]> spans = new ArrayList<>();
        collect(FIGURE.matcher(sentence), 0, spans);
        collect(FLAT.matcher(sentence), 1, spans);
        collect(INTRO.matcher(sentence), 2, spans);
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int previousEnd = 0;
        for (int[] span : spans) {
            if (span[0] < previousEnd) {
                continue;
            }
            int clause = clauseStart(sentence, span[0]);
            int from = Math.max(previousEnd, clause);
            String lead = sentence.substring(from, span[0]);
            char separator = from == clause && clause > 0 ? sentence.charAt(clause - 1) : 0;
            String text = sentence.substring(span[0], span[1]);
            Token token = switch (span[2]) {
                case 0 -> figure(sentence, span, lead, separator, paragraph, sentenceIndex, out.size());
                case 1 -> change(lead, Quoted.FLAT, 0, true, paragraph, sentenceIndex, out.size());
                default -> new Token(out.size(), paragraph, sentenceIndex, Kind.LIST_INTRO, null, null, text, 0, false,
                        separator, false);
            };
            if (token != null) {
                out.add(token);
            }
            previousEnd = span[1];
        }
    }

    private static void collect(Matcher m, int kind, List<int[]> into) {
        while (m.find()) {
            into.add(new int[] {m.start(), m.end(), kind});
        }
    }

    private static int clauseStart(String sentence, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (SEPARATORS.indexOf(sentence.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Token figure(String sentence, int[] span, String lead, char separator, int paragraph, int sentenceIndex,
                                int index) {
        Matcher m = FIGURE.matcher(sentence);
        m.find(span[0]);
        String number = m.group(1);
        String unit = m.group(2);
        String after = sentence.substring(span[1]);
        boolean approximate = APPROX_BEFORE.matcher(lead).find() || APPROX_AFTER.matcher(after).find();
        if (unit.equals("%")) {
            if (approximate) {
                return null;
            }
            Percent percent = Percent.parse(number);
            if (lead.contains("占")) {
                return new Token(index, paragraph, sentenceIndex, Kind.SHARE, null, percent, lead, 0, false, separator,
                        false);
            }
            int direction = direction(lead);
            return direction == 0 ? null : new Token(index, paragraph, sentenceIndex, Kind.PERCENT_CHANGE, null, percent,
                    lead, direction, false, separator, false);
        }
        Quoted amount = Quoted.parse(number, unit);
        int direction = direction(lead);
        if (direction != 0) {
            Token change = change(lead, amount, direction, false, paragraph, sentenceIndex, index);
            return approximate ? withApproximate(change) : change;
        }
        return new Token(index, paragraph, sentenceIndex, Kind.AMOUNT, amount, null, lead, 0, false, separator, approximate);
    }

    /** A change: what precedes the verb and the comparison («比 2023 年预算») is the item it is of. */
    private static Token change(String lead, Quoted amount, int direction, boolean flat, int paragraph,
                                int sentenceIndex, int index) {
        String item = lead;
        if (!flat) {
            Matcher verb = (direction > 0 ? UP : DOWN).matcher(item);
            if (verb.find()) {
                item = item.substring(0, verb.start());
            }
        }
        Matcher compared = COMPARED.matcher(item);
        boolean yearOnYear = compared.find();
        if (yearOnYear) {
            item = item.substring(0, compared.start());
        }
        return new Token(index, paragraph, sentenceIndex, Kind.CHANGE, amount, null, item, direction, yearOnYear || flat,
                (char) 0, false);
    }

    private static Token withApproximate(Token t) {
        return new Token(t.index(), t.paragraph(), t.sentence(), t.kind(), t.amount(), t.percent(), t.lead(),
                t.direction(), t.yearOnYear(), t.separator(), true);
    }

    private static int direction(String lead) {
        if (UP.matcher(lead).find()) {
            return 1;
        }
        return DOWN.matcher(lead).find() ? -1 : 0;
    }
}
