package io.github.footprint.parse.wsgi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.CType;
import io.github.footprint.parse.apache.ConfWords;
import io.github.footprint.parse.wsgi.DaemonProblem.Kind;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions.Type;
import io.github.footprint.parse.wsgi.WsgiOptions.Version;
import io.github.footprint.source.template.Unknowns;

/**
 * mod_wsgi's reading of a {@code WSGIDaemonProcess} argument text ({@code wsgi_add_daemon_process}): the
 * name by {@code ap_getword_conf}, then {@code name=value} options ({@code wsgi_parse_option}: the name runs up
 * to {@code =} or white space, the value is the next {@code ap_getword_conf} word), each checked as the mod_wsgi
 * release checks it.
 *
 * <p>mod_wsgi stops at the first problem; this reading goes on where it can, so every problem is known at once:
 * it stops only where the text is no longer {@code name=value} (after that, what is an option is a guess), and
 * otherwise checks every option, in mod_wsgi's order, then what mod_wsgi checks after the loop. The first
 * refusal in {@link #problems()} is the one httpd prints. After the refusals come the values mod_wsgi accepts
 * but reads as something else than what is written.
 */
public final class DaemonLine {
    /** The release assumed when none is given: {@code CheckRequest}'s default. */
    public static final Version DEFAULT_VERSION = Version.parse("4.9");

    /** One {@code name=value} as mod_wsgi split it. */
    private static final class Written {
        final String name;
        final String value;

        Written(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    private final String name;
    private final Version version;
    /** Options as written, {@code name -> value} in first-seen order; a repeated option keeps its last value. */
    private final Map<String, String> options = new LinkedHashMap<>();
    /** Every {@code name=value} in line order, repeats included. */
    private final List<Written> written = new ArrayList<>();
    /** Refusals in the order mod_wsgi meets them, then misreadings. */
    private final List<DaemonProblem> problems = new ArrayList<>();
    /** Words a template left unknown where options stand: whole options nobody could render. */
    private final List<String> unknownOptions = new ArrayList<>();
    /** Where the text stopped being {@code name=value}, met after the options before it are checked. */
    private DaemonProblem syntax;

    private DaemonLine(String name, Version version) {
        this.name = name;
        this.version = version;
    }

    /** Reads the arguments of a {@code WSGIDaemonProcess} as mod_wsgi {@link #DEFAULT_VERSION} does. */
    public static DaemonLine parse(String raw) {
        return parse(raw, DEFAULT_VERSION);
    }

    /** Reads the arguments of a {@code WSGIDaemonProcess} as mod_wsgi {@code version} does. */
    public static DaemonLine parse(String raw, Version version) {
        ConfWords w = new ConfWords(raw);
        DaemonLine d = new DaemonLine(w.next(), version);
        if (d.name.isEmpty()) {
            d.problems.add(DaemonProblem.of(Kind.NO_NAME, version).refused(WsgiOptions.NO_NAME).text(raw).build());
            return d;
        }
        d.split(w.rest());
        d.check();
        return d;
    }

    /** The group's name; empty when the directive has none. */
    public String name() {
        return name;
    }

    /** Options as written, {@code name -> value} in first-seen order; a repeated option keeps its last value. */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }

    /**
     * Words a template left unknown where options stand ({@code %WSGI_OPTIONS%}, {@code {{ extra }}}), as written:
     * they may set any option; the options written beside them are read as written.
     */
    public List<String> unknownOptions() {
        return Collections.unmodifiableList(unknownOptions);
    }

    /** True when the group's name, an option's name or value, or a whole option is a value a template left unknown. */
    public boolean hasUnknowns() {
        if (Unknowns.contains(name) || !unknownOptions.isEmpty()) {
            return true;
        }
        for (Written w : written) {
            if (Unknowns.contains(w.name) || Unknowns.contains(w.value)) {
                return true;
            }
        }
        return false;
    }

    /** The numbers mod_wsgi reads from the options. */
    public DaemonOptions values() {
        return DaemonOptions.of(options);
    }

    /** Refusals in the order mod_wsgi meets them (the first is what httpd prints), then misreadings. */
    public List<DaemonProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Only the problems httpd refuses the line for. */
    public List<DaemonProblem> refusals() {
        List<DaemonProblem> out = new ArrayList<>();
        for (DaemonProblem p : problems) {
            if (p.refused()) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- splitting: wsgi_parse_option ------------------------------------------------------------------------

    private void split(String rest) {
        while (!rest.isEmpty()) {
            int n = rest.length();
            int i = 0;
            while (i < n && CType.isSpace(rest.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return;
            }
            if (rest.charAt(i) == '=') {
                syntax = syntax(Kind.NO_OPTION_NAME).text(word(rest, i)).build();
                return;
            }
            int j = i;
            while (j < n && rest.charAt(j) != '=' && !CType.isSpace(rest.charAt(j))) {
                j++;
            }
            String option = rest.substring(i, j);
            if (Unknowns.contains(option) && (j >= n || rest.charAt(j) != '=')) {
                // an unknown where options stand (%WSGI_OPTIONS%): any options, unknown; not a syntax error
                ConfWords unknownWord = new ConfWords(rest.substring(i));
                unknownOptions.add(unknownWord.next());
                rest = unknownWord.rest();
                continue;
            }
            if (option.startsWith("#")) {
                syntax = syntax(Kind.COMMENT).option(option, null).text(rest.substring(i).strip())
                        .word(word(rest, i)).build();
                return;
            }
            if (j >= n || rest.charAt(j) != '=') {
                notNameValue(rest, i, j, option);
                return;
            }
            ConfWords value = new ConfWords(rest.substring(j + 1));
            String v = value.next();
            written.add(new Written(option, v));
            options.put(option, v);
            rest = value.rest();
        }
    }

    private void notNameValue(String rest, int i, int j, String option) {
        int k = j;
        while (k < rest.length() && CType.isSpace(rest.charAt(k))) {
            k++;
        }
        if (k < rest.length() && rest.charAt(k) == '=') {
            ConfWords value = new ConfWords(rest.substring(k + 1));
            String v = value.next();
            int end = rest.length() - value.rest().length();
            String shown = rest.substring(i, end).strip();
            syntax = syntax(Kind.SPACE_BEFORE_EQUALS).option(option, null).text(shown).word(v)
                    .suggestion(v.isEmpty() ? null : show(option, v)).build();
            return;
        }
        ConfWords after = new ConfWords(rest.substring(j));
        String next = after.next();
        Optional<Option> known = WsgiOptions.byName(option);
        if (known.isPresent()) {
            String write = next.isEmpty() || next.contains("=") ? option + "=<value>" : show(option, next);
            syntax = syntax(Kind.NOT_NAME_VALUE).option(option, null).known(known.get()).word(next)
                    .suggestion(write.contains("<") ? null : write).build();
            return;
        }
        String suggestion = null;
        Written last = written.isEmpty() ? null : written.get(written.size() - 1);
        Optional<Option> lastOption = last == null ? Optional.empty() : WsgiOptions.byName(last.name);
        if (lastOption.isPresent() && TEXTUAL.contains(lastOption.get().type())) {
            // a value with spaces that was not quoted: its second word lands here
            String joined = last.value + " " + wordsUpToOption(rest.substring(i));
            suggestion = last.name + "=\"" + joined.replace("\"", "\\\"") + "\"";
        }
        syntax = syntax(Kind.NOT_NAME_VALUE).option(option, null).suggestion(suggestion).build();
    }

    /** Types whose value may be text with spaces, so a stray word may be the rest of an unquoted value. */
    private static final java.util.Set<Type> TEXTUAL = java.util.EnumSet.of(Type.TEXT, Type.HOME, Type.CHROOT,
            Type.GROUPS);

    /** The words of a text up to the first that looks like {@code name=value}. */
    private static String wordsUpToOption(String text) {
        ConfWords w = new ConfWords(text);
        StringBuilder b = new StringBuilder();
        while (!w.atEnd()) {
            String rest = w.rest();
            String word = w.next();
            if (word.contains("=") && !rest.startsWith("\"") && !rest.startsWith("'")) {
                break;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }

    private static String word(String s, int from) {
        int e = from;
        while (e < s.length() && !CType.isSpace(s.charAt(e))) {
            e++;
        }
        return s.substring(from, e);
    }

    private DaemonProblem.Builder syntax(Kind kind) {
        return DaemonProblem.of(kind, version).refused(WsgiOptions.INVALID_OPTION);
    }

    // ---- checking: wsgi_add_daemon_process -------------------------------------------------------------------

    private void check() {
        List<DaemonProblem> misreads = new ArrayList<>();
        for (int k = 0; k < written.size(); k++) {
            Written o = written.get(k);
            if (Unknowns.contains(o.name)) {
                // an option whose name is unknown ({{ opt }}=5): any option; nothing to check
                continue;
            }
            Optional<Option> known = WsgiOptions.byName(o.name);
            if (known.isEmpty() || !known.get().availableIn(version)) {
                problems.add(unknown(o, known.orElse(null)));
                continue;
            }
            Option option = known.get();
            if (Unknowns.contains(o.value)) {
                // a value a template left unknown: mod_wsgi's verdict waits for the value
                continue;
            }
            // supplementary-groups is counted after the loop, as mod_wsgi does
            String refusal = option.type() == Type.GROUPS ? null : WsgiOptions.check(option, o.value, version);
            if (refusal != null) {
                problems.add(invalid(option, o.value, refusal));
                continue;
            }
            int glue = glue(o.value);
            if (glue >= 0) {
                misreads.add(glued(option, o.value, glue));
            } else if (isLast(k)) {
                DaemonProblem lenient = lenient(option, o.value);
                if (lenient != null) {
                    misreads.add(lenient);
                }
            }
        }
        // mod_wsgi checks each option as it splits it off, so the text that is not name=value comes after them
        if (syntax != null) {
            problems.add(syntax);
        }
        String scriptUser = available("script-user");
        String scriptGroup = available("script-group");
        if (scriptUser != null && !scriptUser.isEmpty() && scriptGroup != null && !scriptGroup.isEmpty()) {
            problems.add(DaemonProblem.of(Kind.CONFLICT, version).option("script-group", scriptGroup)
                    .known(WsgiOptions.byName("script-group").orElseThrow())
                    .refused(WsgiOptions.SCRIPT_USER_AND_GROUP).text(scriptUser).build());
        }
        String groups = available("supplementary-groups");
        if (groups != null && !Unknowns.contains(groups)) {
            Option option = WsgiOptions.byName("supplementary-groups").orElseThrow();
            String refusal = WsgiOptions.check(option, groups, version);
            if (refusal != null) {
                problems.add(invalid(option, groups, refusal));
            }
        }
        problems.addAll(misreads);
    }

    private boolean isLast(int k) {
        String n = written.get(k).name;
        for (int j = k + 1; j < written.size(); j++) {
            if (written.get(j).name.equals(n)) {
                return false;
            }
        }
        return true;
    }

    /** The last value of an option the release knows, or null. */
    private String available(String option) {
        Optional<Option> o = WsgiOptions.byName(option);
        return o.isPresent() && o.get().availableIn(version) ? options.get(option) : null;
    }

    /** An option the release does not have: of another release, or of none (maybe a misspelling). */
    private DaemonProblem unknown(Written o, Option known) {
        DaemonProblem.Builder b = DaemonProblem.of(Kind.OTHER_VERSION, version).option(o.name, o.value)
                .refused(WsgiOptions.INVALID_OPTION);
        if (known != null) {
            return b.known(known).build();
        }
        Optional<Option> meant = WsgiOptions.meant(o.name);
        if (meant.isPresent()) {
            Option m = meant.get();
            Kind kind = m.name().equalsIgnoreCase(o.name) ? Kind.WRONG_CASE : Kind.UNKNOWN_OPTION;
            return DaemonProblem.of(kind, version).option(o.name, o.value).refused(WsgiOptions.INVALID_OPTION)
                    .meant(m).suggestion(show(m.name(), o.value)).build();
        }
        return DaemonProblem.of(Kind.UNKNOWN_OPTION, version).option(o.name, o.value)
                .refused(WsgiOptions.INVALID_OPTION).build();
    }

    /** A value mod_wsgi refuses, with the number the text likely means where that number would pass. */
    private DaemonProblem invalid(Option o, String value, String message) {
        Long meant = o.numeric() ? OptionNumbers.intended(o, value) : null;
        String suggestion = meant != null && WsgiOptions.check(o, Long.toString(meant), version) == null
                ? o.name() + "=" + meant : null;
        return DaemonProblem.of(Kind.INVALID_VALUE, version).option(o.name(), value).known(o).refused(message)
                .intended(meant).suggestion(suggestion).build();
    }

    // ---- misreadings -----------------------------------------------------------------------------------------

    /**
     * Where another option is glued into a value: {@code 5processes=2}, or {@code processes=2} as the whole value
     * after {@code threads= }. -1 when there is none. Quoted values with a space before the name do not count.
     */
    public static int glue(String value) {
        if (value.indexOf('=') < 0) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && CType.isSpace(value.charAt(i - 1))) {
                continue;
            }
            for (Option o : WsgiOptions.all()) {
                if (value.startsWith(o.name() + "=", i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private DaemonProblem glued(Option o, String value, int at) {
        String lost = value.substring(at);
        String suggestion;
        if (at == 0) {
            suggestion = o.defaultValue() != null ? o.name() + "=" + o.defaultValue() + " " + lost : null;
        } else {
            suggestion = show(o.name(), value.substring(0, at)) + " " + lost;
        }
        return DaemonProblem.of(Kind.GLUED, version).option(o.name(), value).known(o).suggestion(suggestion).build();
    }

    /** A number mod_wsgi accepts but reads otherwise than written, or a {@code #uid}/{@code #gid} read so. */
    private DaemonProblem lenient(Option o, String value) {
        if (o.type() == Type.USER || o.type() == Type.SOCKET_USER || o.type() == Type.SCRIPT_USER
                || o.type() == Type.GROUP || o.type() == Type.SCRIPT_GROUP) {
            return hashLenient(o, value);
        }
        if (o.type() == Type.FLOAT_SECONDS) {
            if (OptionNumbers.plainFloat(value)) {
                return null;
            }
            return DaemonProblem.of(Kind.LENIENT_NUMBER, version).option(o.name(), value).known(o).build();
        }
        if (!o.numeric() || OptionNumbers.exact(o, value)) {
            return null;
        }
        long reads = OptionNumbers.read(o, value);
        BigDecimal said = OptionNumbers.said(o, value);
        if (said != null && said.compareTo(BigDecimal.valueOf(reads)) == 0) {
            // "30s" for seconds, "5.0": what the text says is what atoi reads
            return null;
        }
        Long meant = OptionNumbers.intended(o, value);
        String suggestion = meant != null && WsgiOptions.check(o, Long.toString(meant), version) == null
                ? o.name() + "=" + meant : null;
        return DaemonProblem.of(Kind.LENIENT_NUMBER, version).option(o.name(), value).known(o).intended(meant)
                .suggestion(suggestion).build();
    }

    private DaemonProblem hashLenient(Option o, String value) {
        if (!value.startsWith("#") || Atoi.isExact(value.substring(1))) {
            return null;
        }
        int id = Atoi.parseInt(value.substring(1));
        String suggestion = Atoi.parse(value.substring(1)) > 0 ? o.name() + "=#" + id : null;
        return DaemonProblem.of(Kind.LENIENT_NUMBER, version).option(o.name(), value).known(o).suggestion(suggestion)
                .build();
    }

    /** {@code name=value}, the value quoted when it is empty-looking or holds white space or quotes. */
    public static String show(String name, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (CType.isSpace(c) || c == '"' || c == '\'') {
                quote = true;
                break;
            }
        }
        return quote ? name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : name + "=" + value;
    }
}
