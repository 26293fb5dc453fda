package io.github.footprint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A class loader that defines the classes of the packages it watches itself (the test's class path gives the bytes)
 * and hands every other class to the test's loader, so that a test can say which of the watched classes a run
 * loaded: the cold-start tests ask that a check loads no class it does not need (the HTML report's, Markdown's,
 * Jinjava's).
 */
public final class WatchingLoader extends ClassLoader {
    private final List<String> watched;
    private final Set<String> defined = ConcurrentHashMap.newKeySet();

    /** @param packages name prefixes ({@code io.github.footprint.}, {@code com.hubspot.}) this loader defines */
    public WatchingLoader(String... packages) {
        super(WatchingLoader.class.getClassLoader());
        this.watched = List.of(packages);
    }

    private boolean watched(String name) {
        for (String p : watched) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!watched(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    c = defineClass(name, bytes, 0, bytes.length);
                    defined.add(name);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** Whether this loader defined the class of that name. */
    public boolean defined(String name) {
        return defined.contains(name);
    }

    /** The watched classes this loader defined whose names start with {@code prefix}, sorted. */
    public List<String> loaded(String prefix) {
        return List.copyOf(defined.stream().filter(n -> n.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Runs {@code driver}'s public static {@code run} inside this loader with the arguments given. */
    public void run(Class<?> driver, Class<?>[] types, Object... args) throws Exception {
        try {
            loadClass(driver.getName()).getMethod("run", types).invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }
}
