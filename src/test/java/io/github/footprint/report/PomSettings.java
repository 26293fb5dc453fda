package io.github.footprint.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.github.footprint.engine.CheckRequest;
import io.github.footprint.model.Host;

/**
 * The check as a deploy project's pom configures it, for running the engine in-process on that project: the
 * project's properties (as the mojo passes them) and the footprint plugin's {@code <configuration>}. An element this
 * reader does not know fails the test, so that an example's setting is never silently dropped.
 */
public final class PomSettings {
    private PomSettings() {
    }

    /** A request builder for the project, its reports going to {@code out}. */
    public static CheckRequest.Builder of(Path project, Path out) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(project.resolve("pom.xml").toFile());
        Element root = doc.getDocumentElement();
        Properties props = new Properties();
        Element projectProps = child(root, "properties");
        if (projectProps != null) {
            for (Element p : children(projectProps)) {
                props.setProperty(p.getTagName(), p.getTextContent().trim());
            }
        }
        props.setProperty("project.groupId", text(child(root, "groupId")));
        props.setProperty("project.artifactId", text(child(root, "artifactId")));
        props.setProperty("project.version", text(child(root, "version")));
        props.setProperty("project.basedir", project.toString());
        props.setProperty("basedir", project.toString());

        CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(project)
                .sourceDirectory(project.resolve("src/main/deploy")).outputDirectory(out).toolVersion("0.1.0-SNAPSHOT");
        Element config = null;
        for (Element plugin : children(child(child(root, "build"), "plugins"))) {
            if ("footprint-maven-plugin".equals(text(child(plugin, "artifactId")))
                    || "@project.artifactId@".equals(text(child(plugin, "artifactId")))) {
                config = child(plugin, "configuration");
            }
        }
        if (config != null) {
            for (Element e : children(config)) {
                String name = e.getTagName();
                String value = e.getTextContent().trim();
                if (Host.Parameter.byPomName(name).isPresent()) {
                    b.host(name, value);
                } else if (name.equals("failOn")) {
                    b.failOn(value);
                } else if (name.equals("sqlalchemyPrefixes")) {
                    b.sqlalchemyPrefixes(value);
                } else if (name.equals("mpm")) {
                    b.mpm(value);
                } else if (name.equals("apacheVersion")) {
                    b.apacheVersion(value);
                } else if (name.equals("modWsgiVersion")) {
                    b.modWsgiVersion(value);
                } else if (name.equals("properties")) {
                    for (Element p : children(e)) {
                        props.setProperty(p.getTagName(), p.getTextContent().trim());
                    }
                } else if (name.equals("rules")) {
                    Map<String, String> rules = new LinkedHashMap<>();
                    for (Element r : children(e)) {
                        rules.put(r.getTagName(), r.getTextContent().trim());
                    }
                    b.rules(rules);
                } else if (name.equals("pathMappings")) {
                    for (Element m : children(e)) {
                        b.pathMapping(text(child(m, "host")), text(child(m, "folder")));
                    }
                } else if (name.equals("environments")) {
                    for (Element env : children(e)) {
                        environment(b, project, env);
                    }
                } else {
                    throw new IllegalArgumentException(project + ": this reader does not know <" + name + ">");
                }
            }
        }
        return b.properties(props);
    }

    private static void environment(CheckRequest.Builder b, Path project, Element env) {
        String id = null;
        Path file = null;
        Properties props = new Properties();
        Map<String, String> host = new LinkedHashMap<>();
        for (Element e : children(env)) {
            String name = e.getTagName();
            if (name.equals("id")) {
                id = text(e);
            } else if (name.equals("propertiesFile")) {
                file = project.resolve(text(e));
            } else if (name.equals("properties")) {
                for (Element p : children(e)) {
                    props.setProperty(p.getTagName(), p.getTextContent().trim());
                }
            } else if (Host.Parameter.byPomName(name).isPresent()) {
                host.put(name, text(e));
            } else {
                throw new IllegalArgumentException(project + ": this reader does not know <environment><" + name + ">");
            }
        }
        b.environment(id, file, props, host);
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}
