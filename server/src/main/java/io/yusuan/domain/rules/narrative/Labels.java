package io.yusuan.domain.rules.narrative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels as the index knows them, and the labels a sentence puts before an amount.
 *
 * <p>A table prints «（十）卫生健康支出» and a sentence says «卫生健康支出(类)…», «其中：卫生健康支出» or
 * «宿州市医疗保障局部门 2024 年一般公共预算支出»; both sides are reduced to the bare name. The reduction
 * only ever removes words that carry no meaning of their own (ordinals, years, «预算安排», «为»): a
 * shorter, more general name is never tried, because «其他医疗保障管理事务» cut down to «医疗保障管理
 * 事务» would name a different row.
 */
public final class Labels {

    private static final Pattern ORDINAL = Pattern.compile(
            "^(第[一二三四五六七八九十百]+部分|[一二三四五六七八九十百]+[、.]|\\([一二三四五六七八九十百]+\\)[、.]?"
                    + "|\\(\\d{1,2}\\)[、.]?|\\d{1,2}[、.](?!\\d)|[一二三四五六七八九十]+是|其中[：，]?)");
    private static final Pattern LEVEL_MARK = Pattern.compile("\\((类|款|项)\\)");
    private static final Pattern CODE = Pattern.compile("\\((\\d{3}|\\d{5}|\\d{7})\\)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年度?");
    /** «上年预算 …», «去年支出 …»: a figure of last year (but «上年结转» is this year's income). */
    private static final Pattern LAST_YEAR = Pattern.compile("(上年|去年|上一年)度?(预算|决算|执行|实际|同期|支出|收入|安排)|同期");
    private static final String QUOTES = "“”‘’\"'《》「」*";

    /** Words before a name that only say whose or when («本单位当年…», «其中：…», «和…»). */
    private static final List<String> LEADING = List.of("主要包括", "包括", "分别为", "分别是", "全部为", "主要为",
            "主要是", "以及", "和", "及", "与", "本单位", "本部门", "我部门", "我单位", "本局", "我局", "当年",
            "本年度", "年度", "全年", "预算共安排", "共安排", "预算安排", "预算", "安排", "共", "为", "是", "：", "(");

    /** Words after a name that only say it is a budget figure («…预算安排», «…为»). */
    private static final List<String> TRAILING = List.of("预算数", "预算安排", "预算", "安排", "合计", "共计", "为",
            "是", "达到", "达", "约", "的", "：");

    private Labels() {
    }

    /** The index form of a printed label: no spaces, quotes, ordinal prefix or (类)(款)(项) marks. */
    public static String normalize(String label) {
        String s = Chars.canonical(label == null ? "" : label);
        StringBuilder kept = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (QUOTES.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        s = LEVEL_MARK.matcher(kept).replaceAll("");
        String before;
        do {
            before = s;
            s = ORDINAL.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s;
    }

    /**
     * What the text before an amount names: a code given in parentheses, and the name candidates,
     * most specific first (the name as written, then without trailing filler words).
     */
    record Keys(String code, List<String> names) {

        boolean isEmpty() {
            return code == null && names.isEmpty();
        }
    }

    static Keys read(String lead) {
        String s = Chars.canonical(lead);
        String code = null;
        Matcher codes = CODE.matcher(s);
        while (codes.find()) {
            code = codes.group(1);
        }
        s = CODE.matcher(s).replaceAll("");
        String[] path = LEVEL_MARK.split(s, -1);
        if (path.length > 1) {
            // «卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项) 2024 年预算»: the item is the last
            // named level, and only filler may follow it.
            String tail = strip(path[path.length - 1]);
            String item = strip(path[path.length - 2]);
            return new Keys(code, tail.isEmpty() && !item.isEmpty() ? List.of(normalize(item)) : List.of());
        }
        String name = strip(s);
        Set<String> names = new LinkedHashSet<>();
        while (!name.isEmpty()) {
            names.add(normalize(name));
            String shorter = dropTrailing(name);
            if (shorter.equals(name)) {
                break;
            }
            name = shorter;
        }
        names.remove("");
        return new Keys(code, new ArrayList<>(names));
    }

    /**
     * The year the words before an amount give it: the last «2024 年» among them, −1 for last year
     * («上年预算»), 0 when they name none.
     */
    static int yearOf(String lead) {
        String s = Chars.canonical(lead);
        if (LAST_YEAR.matcher(s).find()) {
            return -1;
        }
        Matcher year = YEAR.matcher(s);
        int found = 0;
        while (year.find()) {
            found = Integer.parseInt(year.group(1));
        }
        return found;
    }

    /** Removes quotes, the year and whatever precedes it, ordinals and leading filler words. */
    private static String strip(String text) {
        StringBuilder kept = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (QUOTES.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        String s = kept.toString();
        Matcher year = YEAR.matcher(s);
        int end = -1;
        int start = -1;
        while (year.find()) {
            start = year.start();
            end = year.end();
        }
        if (end >= 0) {
            // «…部门 2024 年一般公共预算支出» → the name after the year; «…支出 2024 年预算» → before it.
            String after = s.substring(end);
            s = dropAllTrailing(after).isEmpty() ? s.substring(0, start) : after;
        }
        String before;
        do {
            before = s;
            s = ORDINAL.matcher(s).replaceFirst("");
            for (String word : LEADING) {
                if (s.startsWith(word) && s.length() > word.length()) {
                    s = s.substring(word.length());
                    break;
                }
            }
        } while (!s.equals(before));
        return s;
    }

    private static String dropTrailing(String s) {
        for (String word : TRAILING) {
            if (s.endsWith(word) && s.length() > word.length()) {
                return s.substring(0, s.length() - word.length());
            }
        }
        return s;
    }

    private static String dropAllTrailing(String s) {
        String shorter = s;
        while (true) {
            String next = dropTrailing(shorter);
            if (next.equals(shorter)) {
                return TRAILING.contains(shorter) ? "" : shorter;
            }
            shorter = next;
        }
    }
}
