package io.github.footprint.model.pylons;

import java.util.Locale;

/** PasteDeploy's {@code egg:DISTRIBUTION#ENTRY} loaders, as the loaded contexts name them. */
final class Eggs {
    private Eggs() {
    }

    /**
     * True when {@code loader} is {@code egg:} of the distribution (names compared as {@code importlib.metadata}
     * normalises them: runs of {@code -_.} are one {@code _}, case ignored) with that entry point name.
     */
    static boolean is(String loader, String distribution, String entry) {
        if (loader == null || !loader.startsWith("egg:")) {
            return false;
        }
        int hash = loader.indexOf('#');
        return loader.substring(4, hash).replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT).equals(distribution)
                && loader.substring(hash + 1).equals(entry);
    }
}
