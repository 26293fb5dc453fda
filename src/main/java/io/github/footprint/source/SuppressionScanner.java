package io.github.footprint.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds suppression comments in a file's whole-line comments ({@code #}, and {@code ;} in INI files). */
public final class SuppressionScanner {
    private static final Pattern COMMENT = Pattern.compile(
            "^\\s*[#;]\\s*footprint:\\s*(ignore-file|ignore)\\b\\s*(.*?)\\s*$");

    private SuppressionScanner() {
    }

    public static List<Suppression> scan(SourceFile f) {
        List<Suppression> out = new ArrayList<>();
        if (f.text().indexOf("footprint:") < 0) {
            // no line can hold a suppression comment
            return out;
        }
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.indexOf("footprint:") < 0) {
                continue;
            }
            Matcher m = COMMENT.matcher(l);
            if (!m.matches() || (l.strip().startsWith(";") && f.kind() != FileKind.INI)) {
                continue;
            }
            String rest = m.group(2);
            String reason = "";
            int dash = rest.indexOf("--");
            if (dash >= 0) {
                reason = rest.substring(dash + 2).strip();
                rest = rest.substring(0, dash);
            }
            List<String> ids = new ArrayList<>();
            for (String id : Arrays.asList(rest.split("[,\\s]+"))) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
            boolean whole = m.group(1).equals("ignore-file");
            int target = 0;
            if (!whole) {
                for (int k = i + 1; k < lines.size(); k++) {
                    String t = lines.get(k).strip();
                    if (!t.isEmpty() && !t.startsWith("#") && !(f.kind() == FileKind.INI && t.startsWith(";"))) {
                        target = f.templateLine(k);
                        break;
                    }
                }
            }
            out.add(new Suppression(f.displayPath(), f.templateLine(i), target, ids, reason, whole));
        }
        return out;
    }
}
