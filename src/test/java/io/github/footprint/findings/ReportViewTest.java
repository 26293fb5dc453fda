package io.github.footprint.findings;

import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckResult;

/**
 * The view every report reads holds no secret: every text it exposes, down to the last component and pool, is
 * masked. Found by walking the view's public accessors, so a text added to the view later is checked too. (File
 * paths are reports' locations and are not masked; this tree plants no secret in a path.)
 */
class ReportViewTest {
    private static final String SECRET = "Pl4ntedViewSecret";

    @TempDir
    Path tree;

    @Test
    void everyTextOfTheViewIsMasked() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    WSGIDaemonProcess " + SECRET + " threads=2 maximum-requests=100",
                "    WSGIProcessGroup " + SECRET,
                "    WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        write(tree, "app/app.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini#" + SECRET + "')");
        write(tree, "app/production.ini",
                "[app:" + SECRET + "]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db/app");
        CheckResult r = run(request(tree).host("memory", "64M").pathMappings(java.util.Map.of("/srv/app", "app")));
        List<String> texts = new ArrayList<>();
        collect(r.view(), "view", texts);
        List<String> leaks = new ArrayList<>();
        for (String t : texts) {
            if (t.contains(SECRET)) {
                leaks.add(t);
            }
        }
        assertEquals(List.of(), leaks);
        // the secret did reach the view, masked: as the daemon's name, in the pool's section, in messages
        assertTrue(texts.contains("view.environments[0].daemons[0].name=****"), String.join("\n", texts));
        assertTrue(texts.contains("view.environments[0].footprint.pools[0].appSection=app:****"),
                String.join("\n", texts));
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("view.environments[0].findings[") && t.contains("****")),
                String.join("\n", texts));
        assertTrue(r.view().count(Severity.ERROR) > 0, "the 64M budget is exceeded");
    }

    /** Every text reachable through the public accessors of the view's own classes, as {@code path=text}. */
    private static void collect(Object o, String path, List<String> out) throws Exception {
        if (o instanceof String) {
            out.add(path + "=" + o);
        } else if (o instanceof Optional) {
            Optional<?> opt = (Optional<?>) o;
            if (opt.isPresent()) {
                collect(opt.get(), path, out);
            }
        } else if (o instanceof Collection) {
            int i = 0;
            for (Object e : (Collection<?>) o) {
                collect(e, path + "[" + i++ + "]", out);
            }
        } else if (o != null && o.getClass().getPackageName().equals(ReportView.class.getPackageName())
                && !o.getClass().isEnum()) {
            for (Method m : o.getClass().getMethods()) {
                if (m.getDeclaringClass() == o.getClass() && m.getParameterCount() == 0
                        && !Modifier.isStatic(m.getModifiers())) {
                    collect(m.invoke(o), path + "." + m.getName(), out);
                }
            }
        }
    }
}
