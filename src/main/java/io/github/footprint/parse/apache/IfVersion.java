package io.github.footprint.parse.apache;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.footprint.findings.Location;
import io.github.footprint.parse.ParseProblem;

/** mod_version's {@code <IfVersion [[!]op] version>} against the declared httpd version. */
final class IfVersion {
    /** The release the declared minor version stands for: the one calibrated here for 2.4. */
    static String release(String declared) {
        return "2.2".equals(declared) ? "2.2.34" : "2.4.71";
    }

    private IfVersion() {
    }

    static boolean matches(String arg, String declared, List<ParseProblem> problems, Location at) {
        List<String> words = ConfWords.split(arg);
        String op = "=";
        String version;
        if (words.size() >= 2) {
            op = words.get(0);
            version = words.get(1);
        } else {
            version = words.get(0);
            // "<IfVersion >=2.4>" is one word: split the operator off
            java.util.regex.Matcher m = Pattern.compile("^(!?(?:==|=|>=|<=|>|<|~))(.+)$").matcher(version);
            if (m.matches()) {
                op = m.group(1);
                version = m.group(2);
            }
        }
        boolean not = op.startsWith("!");
        if (not) {
            op = op.substring(1);
        }
        String actual = release(declared);
        boolean result;
        if (op.equals("~") || (op.matches("==?") && version.startsWith("/") && version.endsWith("/") && version.length() > 1)) {
            String re = op.equals("~") ? version : version.substring(1, version.length() - 1);
            try {
                result = Pattern.compile(re).matcher(actual).find();
            } catch (PatternSyntaxException e) {
                problems.add(ParseProblem.syntax(at, "<IfVersion> regular expression could not be compiled: " + re));
                return false;
            }
        } else {
            int[] want = parse(version);
            if (want == null) {
                problems.add(ParseProblem.syntax(at, "<IfVersion> version '" + version
                        + "' is not of the form major[.minor[.patch]]"));
                return false;
            }
            int cmp = compare(parse(actual), want);
            switch (op) {
                case "=":
                case "==":
                    result = cmp == 0;
                    break;
                case ">":
                    result = cmp > 0;
                    break;
                case ">=":
                    result = cmp >= 0;
                    break;
                case "<":
                    result = cmp < 0;
                    break;
                case "<=":
                    result = cmp <= 0;
                    break;
                default:
                    problems.add(ParseProblem.syntax(at, "<IfVersion> unknown operator '" + op + "'"));
                    return false;
            }
        }
        return not != result;
    }

    private static int[] parse(String v) {
        String[] parts = v.split("\\.");
        if (parts.length == 0 || parts.length > 3) {
            return null;
        }
        int[] out = new int[3];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,9}")) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
