package io.yusuan.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names Excel accepts: at most 31 characters, none of {@code : \ / ? * [ ]}, not starting or ending
 * with an apostrophe, not «History», and unique ignoring case (Excel compares them case-insensitively).
 */
final class SheetNames {

    static final int MAX = 31;

    private final Set<String> taken = new HashSet<>();

    /** «表2 一般公共预算支出表», shortened to fit; a clash gets «(2)», «(3)» … at the end. */
    String next(String wanted) {
        String base = clean(wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "(" + n + ")";
            name = trimEnd(base.substring(0, Math.min(base.length(), MAX - suffix.length()))) + suffix;
        }
        return name;
    }

    private static String clean(String wanted) {
        StringBuilder out = new StringBuilder();
        for (char c : (wanted == null ? "" : wanted).toCharArray()) {
            if (":\\/?*[]".indexOf(c) >= 0 || Character.isISOControl(c)) {
                out.append('_');
            } else {
                out.append(c);
            }
        }
        String name = out.toString().strip().replaceAll("^'+|'+$", "");
        if (name.length() > MAX) {
            // don't cut a surrogate pair in half
            int end = Character.isLowSurrogate(name.charAt(MAX)) ? MAX - 1 : MAX;
            name = name.substring(0, end);
        }
        name = trimEnd(name);
        if (name.isEmpty() || name.equalsIgnoreCase("History")) {
            name = "Sheet" + (name.isEmpty() ? "" : "_" + name);
        }
        return name;
    }

    private static String trimEnd(String name) {
        return name.replaceAll("[\\s']+$", "");
    }
}
