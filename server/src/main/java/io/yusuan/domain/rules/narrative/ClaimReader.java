package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.rules.narrative.Claims.Breakdown;
import io.yusuan.domain.rules.narrative.Claims.Component;
import io.yusuan.domain.rules.narrative.Claims.ShareGroup;
import io.yusuan.domain.rules.narrative.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ties the tokens of a text together: which amount a change, rate or share is said of, which
 * shares are listed together, and which items a «其中» breaks an amount into.
 *
 * <p>Attachment is strictly local — a change belongs to the last amount of its sentence, a rate to
 * the change right before it, a share to the amount right before it — and is refused where the
 * sentence is ambiguous: a change after a list («其中 A 236.88 万元、B 0 万元，较上年减少 1.43 万元»)
 * may be said of the list's total, so it is attached to nothing.
 */
final class ClaimReader {

    private final List<Token> tokens;
    private final Map<Integer, Claim> claimAt = new HashMap<>();
    private final Set<Integer> standalone = new LinkedHashSet<>();
    private final Set<Integer> attached = new LinkedHashSet<>();

    private ClaimReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @param year the budget year if known, else 0 */
    static Claims read(NarrativeText text, int year) {
        List<Token> tokens = new ArrayList<>();
        int sentence = 0;
        List<List<String>> paragraphs = text.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            for (String s : paragraphs.get(p)) {
                Tokenizer.read(s, p, sentence++, tokens);
            }
        }
        return new ClaimReader(tokens).claims(year);
    }

    private Claims claims(int knownYear) {
        attach();
        List<Claim> amounts = new ArrayList<>();
        Map<BigDecimal, List<Token>> changes = new TreeMap<>();
        for (Token t : tokens) {
            Claim c = claimAt.get(t.index());
            if (c != null) {
                amounts.add(c);
                if (c.change() != null && c.change().yearOnYear()) {
                    changes.computeIfAbsent(c.amount().yuan().stripTrailingZeros(), k -> new ArrayList<>())
                            .add(c.change());
                }
            }
        }
        int year = knownYear;
        if (year <= 0) {
            for (Claim c : amounts) {
                year = Math.max(year, c.year());
            }
        }
        return new Claims(amounts, shareGroups(), breakdowns(), changes, year);
    }

    private void attach() {
        Claim last = null;
        Token lastChange = null;
        boolean introSinceLast = false;
        int bare = 0;
        int sentence = -1;
        for (Token t : tokens) {
            if (t.sentence() != sentence) {
                sentence = t.sentence();
                last = null;
                lastChange = null;
                introSinceLast = false;
                bare = 0;
            }
            switch (t.kind()) {
                case AMOUNT -> {
                    last = new Claim(t);
                    claimAt.put(t.index(), last);
                    lastChange = null;
                    introSinceLast = false;
                    // «A 万元，B 万元，比上年增加 …» may be said of A + B: only a lone amount takes the change.
                    bare = t.separator() == '；' || t.separator() == '：' ? 1 : bare + 1;
                }
                case CHANGE -> {
                    if (!Labels.read(t.lead()).isEmpty()) {
                        standalone.add(t.index());
                    } else if (last != null && last.change() == null && !last.token().listTail() && !introSinceLast
                            && bare == 1) {
                        last.change(t);
                        attached.add(t.index());
                    }
                    lastChange = t;
                    bare = 0;
                }
                case PERCENT_CHANGE -> {
                    Claim owner = lastChange == null ? null : ownerOf(lastChange, last);
                    if (owner != null && owner.rate() == null) {
                        owner.rate(t);
                    }
                    lastChange = null;
                }
                case SHARE -> {
                    if (last != null && last.share() == null && lastChange == null) {
                        last.share(t);
                    }
                }
                case LIST_INTRO -> {
                    introSinceLast = true;
                    bare = 0;
                }
            }
        }
    }

    private static Claim ownerOf(Token change, Claim last) {
        return last != null && last.change() == change ? last : null;
    }

    private List<ShareGroup> shareGroups() {
        List<ShareGroup> groups = new ArrayList<>();
        List<Claim> parts = new ArrayList<>();
        Token intro = null;
        int sentence = -1;
        for (Token t : tokens) {
            boolean newSentence = t.sentence() != sentence;
            if (newSentence || t.kind() == Kind.LIST_INTRO) {
                close(parts, intro, groups);
                intro = t.kind() == Kind.LIST_INTRO ? t : null;
                sentence = t.sentence();
            }
            Claim c = claimAt.get(t.index());
            if (c != null && c.share() != null) {
                parts.add(c);
            }
        }
        close(parts, intro, groups);
        return groups;
    }

    private void close(List<Claim> parts, Token intro, List<ShareGroup> into) {
        if (parts.isEmpty()) {
            return;
        }
        Claim head = null;
        boolean inSentence = false;
        if (intro != null) {
            head = lastAmountBefore(intro);
            inSentence = head != null;
            if (head == null) {
                head = firstAmountOfPreviousSentence(intro);
            }
        }
        into.add(new ShareGroup(List.copyOf(parts), head, inSentence));
        parts.clear();
    }

    /** The amount a «其中» at this token breaks down: the last amount before it in its sentence. */
    private Claim lastAmountBefore(Token intro) {
        for (int i = intro.index() - 1; i >= 0 && tokens.get(i).sentence() == intro.sentence(); i--) {
            Claim c = claimAt.get(i);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** «…支出预算 1774.62 万元，…。其中，基本支出…»: the subject amount of the sentence before. */
    private Claim firstAmountOfPreviousSentence(Token intro) {
        Claim first = null;
        int previous = -1;
        for (int i = intro.index() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.paragraph() != intro.paragraph()) {
                break;
            }
            if (t.sentence() == intro.sentence()) {
                continue;
            }
            if (previous == -1) {
                previous = t.sentence();
            }
            if (t.sentence() != previous) {
                break;
            }
            Claim c = claimAt.get(i);
            first = c != null ? c : first;
        }
        return first;
    }

    private List<Breakdown> breakdowns() {
        List<Breakdown> out = new ArrayList<>();
        for (Token intro : tokens) {
            if (intro.kind() != Kind.LIST_INTRO || !intro.lead().equals("其中")) {
                continue;
            }
            Claim head = lastAmountBefore(intro);
            if (head == null) {
                head = firstAmountOfPreviousSentence(intro);
            }
            if (head != null) {
                out.add(itemsAfter(intro, head));
            }
        }
        return out;
    }

    /**
     * The items after a «其中»: they run on over paragraphs that continue the list, and stop at a
     * paragraph without figures (a heading), at another «其中», or at an amount that is itself
     * broken down (the head of the next list).
     */
    private Breakdown itemsAfter(Token intro, Claim head) {
        List<Component> items = new ArrayList<>();
        boolean complete = true;
        int paragraph = intro.paragraph();
        for (int i = intro.index() + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.paragraph() > paragraph + 1 || t.kind() == Kind.LIST_INTRO || headsAList(t)) {
                break;
            }
            paragraph = t.paragraph();
            Claim c = claimAt.get(i);
            if (c != null) {
                if (c.change() == null) {
                    complete = false;
                }
                items.add(new Component(c, c.change()));
            } else if (standalone.contains(i)) {
                items.add(new Component(null, t));
            } else if (t.kind() == Kind.CHANGE && !attached.contains(i)) {
                complete = false;
            }
        }
        return new Breakdown(head, List.copyOf(items), complete && items.size() >= 2);
    }

    private boolean headsAList(Token t) {
        if (t.kind() != Kind.AMOUNT) {
            return false;
        }
        for (int i = t.index() + 1; i < tokens.size() && tokens.get(i).sentence() == t.sentence(); i++) {
            Kind k = tokens.get(i).kind();
            if (k == Kind.LIST_INTRO) {
                return tokens.get(i).lead().equals("其中");
            }
            if (k == Kind.AMOUNT) {
                return false;
            }
        }
        return false;
    }
}
