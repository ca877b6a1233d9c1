package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the template's formula text: terms joined by {@code +} and {@code -}. A term is
 * {@code column} (same row), {@code row.column} (same section) or {@code section!row.column}.
 */
public final class FormulaParser {

    private static final Pattern TERM = Pattern.compile(
            "(?:([A-Za-z][A-Za-z0-9_]*)!)?(?:([A-Za-z0-9_]+)\\.)?([A-Za-z][A-Za-z0-9_]*)");

    private FormulaParser() {
    }

    public static Formula parse(String text, String section, String row) {
        List<Term> terms = new ArrayList<>();
        String rest = text.trim();
        int sign = 1;
        boolean expectTerm = true;
        int pos = 0;
        while (pos < rest.length()) {
            char ch = rest.charAt(pos);
            if (Character.isWhitespace(ch)) {
                pos++;
            } else if (!expectTerm && (ch == '+' || ch == '-')) {
                sign = ch == '-' ? -1 : 1;
                expectTerm = true;
                pos++;
            } else if (expectTerm) {
                Matcher m = TERM.matcher(rest).region(pos, rest.length());
                if (!m.lookingAt()) {
                    throw new IllegalArgumentException("bad formula '" + text + "' at " + pos);
                }
                String termSection = m.group(1) != null ? m.group(1) : section;
                String termRow = m.group(2) != null ? m.group(2) : row;
                if (m.group(1) != null && m.group(2) == null) {
                    throw new IllegalArgumentException("cross-section term needs row.column in '" + text + "'");
                }
                terms.add(new Term(new CellRef(termSection, termRow, m.group(3)), sign));
                pos = m.end();
                expectTerm = false;
            } else {
                throw new IllegalArgumentException("bad formula '" + text + "' at " + pos);
            }
        }
        if (expectTerm) {
            throw new IllegalArgumentException("formula '" + text + "' ends without a term");
        }
        return new Formula(terms);
    }
}
