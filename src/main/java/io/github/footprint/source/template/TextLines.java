package io.github.footprint.source.template;

/** Line starts of a {@code \n}-separated text, and the line of a position. */
final class TextLines {
    private TextLines() {
    }

    /** Where each line starts (line 1 at index 0). */
    static int[] starts(String s) {
        int count = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            starts[k++] = i + 1;
        }
        return starts;
    }

    /**
     * The lines of a file as the loader cuts them (at {@code \n}, a {@code \r} before it dropped; an empty last line is
     * none), so that line i is the file's line i + 1.
     */
    static java.util.List<String> split(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
            out.add(text.substring(start, end));
            start = i + 1;
        }
        if (start < n) {
            out.add(text.endsWith("\r") ? text.substring(start, n - 1) : text.substring(start));
        }
        return out;
    }

    /** The 1-based line holding a position (a position at a line's start belongs to that line). */
    static int lineOf(int[] starts, int position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
