package io.github.footprint.source.template;

/** Values a variables file can hold besides maps, lists, strings, numbers, booleans and null. */
public final class VarValues {
    private VarValues() {
    }

    /** A value encrypted with Ansible Vault ({@code !vault |}): it exists, nobody here can read it, it is secret. */
    public static final class Vaulted {
        public static final Vaulted INSTANCE = new Vaulted();

        private Vaulted() {
        }

        @Override
        public String toString() {
            return "<vaulted>";
        }
    }

    /** A string marked {@code !unsafe}: Ansible never renders templates in it. */
    public static final class Unsafe {
        private final String text;

        public Unsafe(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
