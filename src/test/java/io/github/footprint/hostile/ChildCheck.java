package io.github.footprint.hostile;

import java.nio.file.Path;

/**
 * The check of one project as the goal runs it, in a JVM of its own (started by {@link CLocaleTest} under
 * {@code LANG=C}): prints the summary line or the one error, ASCII only, and exits 0 when the check ran to its end.
 */
public final class ChildCheck {
    private ChildCheck() {
    }

    public static void main(String[] args) throws Exception {
        HostileRun.Outcome o = HostileRun.run(Path.of(args[0]), b -> { });
        StringBuilder b = new StringBuilder();
        String text = o.error != null ? "ERROR " + o.error : "SUMMARY " + o.summary + " FILES " + o.files.keySet();
        for (char c : text.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        System.out.println(b);
        System.out.println("file.encoding=" + System.getProperty("file.encoding") + " sun.jnu.encoding="
                + System.getProperty("sun.jnu.encoding"));
        System.exit(0);
    }
}
