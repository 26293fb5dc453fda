package io.github.footprint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.codehaus.plexus.interpolation.AbstractValueSource;
import org.codehaus.plexus.interpolation.InterpolationException;
import org.codehaus.plexus.interpolation.StringSearchInterpolator;

/**
 * The MAVEN dialect ({@link io.github.footprint.source.template.Dialect#MAVEN}): the source stage's own, fast
 * renderer, for files no other template language claims ({@link io.github.footprint.source.template.DialectDetector}).
 * Renders {@code @@Name@@} (httpd's {@code .conf.in} build placeholders), {@code @name@} and {@code ${name}}
 * placeholders with plexus-interpolation, the engine behind
 * Maven's resource filtering, one template line at a time, so the line map stays exact. Placeholders that
 * no property resolves are kept literally (as Maven filtering and httpd both do) and recorded.
 */
public final class TemplateRenderer {
    /** What a placeholder name may look like; anything else between delimiters is plain text. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private final Properties properties;
    private final boolean enabled;

    /** @param enabled false renders nothing (the {@code filtering=false} parameter) */
    public TemplateRenderer(Properties properties, boolean enabled) {
        this.properties = marked(properties);
        this.enabled = enabled;
    }

    /**
     * The properties with the value of each secret-named one ({@code db.password}) marked secret, so that it stays
     * secret wherever a placeholder puts it ({@link io.github.footprint.base.Secrets}).
     */
    private static Properties marked(Properties properties) {
        Properties out = null;
        for (String name : properties.stringPropertyNames()) {
            if (io.github.footprint.base.Secrets.isSecretName(name)) {
                if (out == null) {
                    out = new Properties();
                    for (String n : properties.stringPropertyNames()) {
                        out.setProperty(n, properties.getProperty(n));
                    }
                }
                out.setProperty(name, io.github.footprint.base.Secrets.wrap(properties.getProperty(name)));
            }
        }
        return out == null ? properties : out;
    }

    /** False when filtering is off: nothing is rendered, in any dialect. */
    boolean enabled() {
        return enabled;
    }

    /** The result of rendering one file. */
    public static final class Rendered {
        final List<String> lines = new ArrayList<>();
        private int[] map = new int[16];
        private int size;
        final List<Placeholder> unresolved = new ArrayList<>();
        final List<SourceProblem> problems = new ArrayList<>();

        int[] lineMap() {
            return java.util.Arrays.copyOf(map, size);
        }

        void add(String line, int templateLine) {
            if (size == map.length) {
                map = java.util.Arrays.copyOf(map, size * 2);
            }
            map[size++] = templateLine;
            lines.add(line);
        }
    }

    /** Records the expressions no earlier source could answer; always answers null itself. */
    private static final class Recorder extends AbstractValueSource {
        private final Placeholder.Form form;
        private final List<Placeholder> sink;
        private int line;

        Recorder(Placeholder.Form form, List<Placeholder> sink) {
            super(false);
            this.form = form;
            this.sink = sink;
        }

        @Override
        public Object getValue(String expression) {
            if (NAME.matcher(expression).matches()) {
                sink.add(new Placeholder(expression, form, line));
            }
            return null;
        }
    }

    /**
     * True when rendering would give the text back line for line: filtering is off, or no line could hold a
     * placeholder ({@link #delimiters}); and there is no {@code \r}, which would end a rendered line.
     */
    boolean keeps(String text) {
        return keeps(text.indexOf('\r') >= 0, delimiters(text));
    }

    /**
     * Whether a line of the text could hold a placeholder: a {@code ${}, or two {@code @} on one line (an
     * {@code @name@} or {@code @@Name@@} needs both ends on the line it is rendered in; a single {@code @}, as in
     * {@code ServerAdmin webmaster@example.com}, leaves the line as it is).
     */
    static boolean delimiters(String text) {
        if (text.contains("${")) {
            return true;
        }
        int at = text.indexOf('@');
        while (at >= 0) {
            int next = text.indexOf('@', at + 1);
            if (next < 0) {
                return false;
            }
            int nl = text.indexOf('\n', at + 1);
            if (nl < 0 || next < nl) {
                return true;
            }
            at = next;
        }
        return false;
    }

    /** {@link #keeps(String)} from what a scan of the text found: a {@code \r}, an {@code @} or a {@code ${}. */
    boolean keeps(boolean carriageReturn, boolean delimiter) {
        return !carriageReturn && (!enabled || !delimiter);
    }

    Rendered render(List<String> templateLines) {
        return render(templateLines, true);
    }

    /**
     * @param loneCrEndsLine whether a CR not followed by LF ends a line of the rendered file for its reader; httpd's
     *     {@code ap_cfg_getline} ends lines at LF only, and reads a lone CR as white space inside the line
     */
    Rendered render(List<String> templateLines, boolean loneCrEndsLine) {
        Rendered r = new Rendered();
        if (!enabled) {
            for (int i = 0; i < templateLines.size(); i++) {
                r.add(templateLines.get(i), i + 1);
            }
            return r;
        }
        Recorder atAtRecorder = new Recorder(Placeholder.Form.AT_AT, r.unresolved);
        Recorder atRecorder = new Recorder(Placeholder.Form.AT, r.unresolved);
        Recorder dollarRecorder = new Recorder(Placeholder.Form.DOLLAR, r.unresolved);
        BoundedProperties atAtValues = new BoundedProperties(properties, "@@", "@@");
        BoundedProperties atValues = new BoundedProperties(properties, "@", "@");
        BoundedProperties dollarValues = new BoundedProperties(properties, "${", "}");
        StringSearchInterpolator atAt = interpolator(atAtValues, atAtRecorder);
        StringSearchInterpolator at = interpolator(atValues, atRecorder);
        StringSearchInterpolator dollar = interpolator(dollarValues, dollarRecorder);
        for (int i = 0; i < templateLines.size(); i++) {
            String line = templateLines.get(i);
            int templateLine = i + 1;
            String out = line;
            if (line.indexOf('@') >= 0 || line.contains("${")) {
                atAtRecorder.line = templateLine;
                atRecorder.line = templateLine;
                dollarRecorder.line = templateLine;
                try {
                    // httpd's own build placeholders (@@ServerRoot@@ in its .conf.in files) first, then Maven's
                    if (line.contains("@@")) {
                        atAtValues.checkLine(line);
                        out = interpolate(atAt, line);
                    }
                    if (out.indexOf('@') >= 0) {
                        atValues.checkLine(out);
                        out = interpolate(at, out);
                    }
                    if (out.contains("${")) {
                        dollarValues.checkLine(out);
                        out = interpolate(dollar, out);
                    }
                } catch (BoundedProperties.Refused e) {
                    r.problems.add(new SourceProblem(templateLine, io.github.footprint.base.Severity.ERROR,
                            "placeholder cannot be rendered: " + e.getMessage()));
                    out = line;
                } catch (InterpolationException e) {
                    r.problems.add(new SourceProblem(templateLine, io.github.footprint.base.Severity.ERROR,
                            "placeholder cannot be rendered: "
                                    + io.github.footprint.base.Excerpt.of(String.valueOf(e.getMessage()))));
                    out = line;
                }
            }
            if (out.indexOf('\n') >= 0 || (loneCrEndsLine && out.indexOf('\r') >= 0)) {
                for (String part : out.split(loneCrEndsLine ? "\r?\n|\r" : "\r?\n", -1)) {
                    r.add(part, templateLine);
                }
            } else {
                r.add(out, templateLine);
            }
        }
        return r;
    }

    private static StringSearchInterpolator interpolator(BoundedProperties values, Recorder recorder) {
        StringSearchInterpolator i = new StringSearchInterpolator(values.start(), values.end());
        i.setCacheAnswers(false);
        i.addValueSource(values);
        i.addValueSource(recorder);
        return i;
    }

    /**
     * One pass of plexus-interpolation over a line. Its StringSearchInterpolator reads past its own bounds on some
     * runs of delimiter characters ({@code "@@@ "} throws StringIndexOutOfBoundsException): such a line holds no
     * placeholder this pass could render, so it stays as written for this pass.
     */
    private static String interpolate(StringSearchInterpolator pass, String text) throws InterpolationException {
        try {
            return pass.interpolate(text);
        } catch (IndexOutOfBoundsException e) {
            return text;
        }
    }
}
