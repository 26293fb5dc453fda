package io.github.footprint.source.template.scan;

/** A condition as a decision's key: its text without the leading negations, and whether they negate it. */
final class Conditions {
    final String key;
    final boolean negated;

    private Conditions(String key, boolean negated) {
        this.key = key;
        this.negated = negated;
    }

    /** Takes off leading {@code not} (Python, Ruby) and {@code !} (Ruby) and outer parentheses around the rest. */
    static Conditions of(String condition, boolean ruby) {
        String t = condition.trim();
        boolean negated = false;
        while (true) {
            if (t.startsWith("not ") || t.startsWith("not(")) {
                t = t.substring(3).trim();
                negated = !negated;
            } else if (ruby && t.startsWith("!") && !t.startsWith("!=")) {
                t = t.substring(1).trim();
                negated = !negated;
            } else if (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
                t = t.substring(1, t.length() - 1).trim();
            } else {
                break;
            }
        }
        return new Conditions(t.replaceAll("\\s+", " "), negated);
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = CodeNames.skipString(s, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
