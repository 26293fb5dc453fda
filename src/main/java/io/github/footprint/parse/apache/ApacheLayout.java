package io.github.footprint.parse.apache;

import java.util.Optional;

import io.github.footprint.source.FileKind;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;

/**
 * Where the httpd tree is in a deploy project: the main file ({@code apache2.conf} or {@code httpd.conf}, the
 * shallowest one, {@code conf/httpd.conf} rooted at its parent) and the folder relative paths resolve against.
 */
public final class ApacheLayout {
    private final SourceFile main;
    private final String root;

    private ApacheLayout(SourceFile main, String root) {
        this.main = main;
        this.root = root;
    }

    /** The main file, or null for a vhost-only project. */
    public SourceFile main() {
        return main;
    }

    /** The Apache tree's root as a tree path ({@code ""} for the source directory). */
    public String root() {
        return root;
    }

    /**
     * Finds the layout.
     *
     * @param explicitMain the {@code apacheMain} parameter as a tree path, or null for auto
     * @param explicitRoot the {@code serverRoot} parameter as a tree path, or null for auto
     */
    public static ApacheLayout find(SourceSet sources, String explicitMain, String explicitRoot) {
        SourceFile main = null;
        if (explicitMain != null) {
            main = sources.get(explicitMain).orElse(null);
        } else {
            main = auto(sources).orElse(null);
        }
        String root;
        if (explicitRoot != null) {
            root = explicitRoot;
        } else if (main == null) {
            root = "";
        } else {
            String p = main.treePath();
            String dir = p.lastIndexOf('/') >= 0 ? p.substring(0, p.lastIndexOf('/')) : "";
            if (dir.equals("conf") || dir.endsWith("/conf")) {
                dir = dir.lastIndexOf('/') >= 0 ? dir.substring(0, dir.lastIndexOf('/')) : "";
            }
            root = dir;
        }
        return new ApacheLayout(main, root);
    }

    private static Optional<SourceFile> auto(SourceSet sources) {
        SourceFile best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (SourceFile f : sources.files(FileKind.APACHE)) {
            String p = f.treePath();
            // a template is the file it is deployed as (apache2.conf.j2 is apache2.conf)
            String name = io.github.footprint.source.template.TemplateName.of(p).baseName();
            if (!name.equals("apache2.conf") && !name.equals("httpd.conf")) {
                continue;
            }
            boolean inConf = p.equals("conf/httpd.conf") || p.endsWith("/conf/httpd.conf");
            int depth = p.split("/").length - (inConf ? 1 : 0);
            if (depth < bestDepth) {
                best = f;
                bestDepth = depth;
            }
        }
        return Optional.ofNullable(best);
    }
}
