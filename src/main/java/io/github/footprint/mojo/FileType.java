package io.github.footprint.mojo;

/**
 * One {@code <fileType>} in the pom: the files an Ant-style glob under the source folder selects, their kind and their
 * template dialect ({@code <files>**&#47;*.cfg.tpl</files><kind>apache</kind><dialect>erb</dialect>}).
 */
public class FileType {
    /** Ant-style glob relative to the source folder. */
    private String files;

    /** apache, ini, shell, systemd, python or other; unset: by name. */
    private String kind;

    /** none, maven, jinja2, mako, erb, sed or tempita; unset: by suffix and content. */
    private String dialect;

    public String getFiles() {
        return files;
    }

    public void setFiles(String files) {
        this.files = files;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }
}
