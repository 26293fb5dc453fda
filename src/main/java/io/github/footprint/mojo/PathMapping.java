package io.github.footprint.mojo;

/**
 * A host path prefix and the project folder that holds what will be deployed there:
 * {@code <pathMapping><host>/srv/app</host><folder>src/main/deploy/app</folder></pathMapping>}.
 */
public class PathMapping {
    /** An absolute path prefix on the host, such as {@code /srv/app}. */
    private String host;

    /** The project folder for it, absolute or relative to the project base directory. */
    private String folder;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }
}
