package io.github.footprint.base;

/**
 * The last resort of each stage: a failure of footprint's own (a bug, a stack exhausted by input deeper than any
 * reader's bound, memory exhausted) becomes a located finding in words, never a dead build without reports. Only
 * the name of the failure's class and where footprint's code failed are said: never its message, which may quote
 * the input (secrets, machine paths).
 */
public final class InternalErrors {
    private InternalErrors() {
    }

    /**
     * Rethrows what no stage may swallow: a thread being stopped or interrupted, and the JVM's own faults other than
     * an exhausted stack or heap (which input causes, and which unwinding frees).
     */
    public static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)
                && !(t instanceof OutOfMemoryError)) {
            throw (VirtualMachineError) t;
        }
        if (t instanceof ThreadDeath) {
            throw (ThreadDeath) t;
        }
        if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted", t);
        }
    }

    /**
     * What a finding says: {@code internal error while reading this file as an Apache file (StackOverflowError in
     * ApacheParser.readSection); ...}.
     *
     * @param doing what the stage was doing, such as "reading this file"
     */
    public static String message(String doing, Throwable t) {
        StringBuilder b = new StringBuilder("internal error of footprint while ").append(doing).append(" (")
                .append(t.getClass().getSimpleName());
        StackTraceElement at = ownFrame(t);
        if (at != null) {
            String cls = at.getClassName();
            b.append(" in ").append(cls.substring(cls.lastIndexOf('.') + 1)).append('.').append(at.getMethodName());
        }
        b.append(')');
        if (t instanceof StackOverflowError) {
            b.append(": the input nests deeper than footprint can follow");
        } else if (t instanceof OutOfMemoryError) {
            b.append(": the input expands beyond the memory the build has");
        }
        return b.append("; what depends on it is not checked, and the build fails so that the gap is not mistaken for"
                + " a pass. Please report this with the file's shape (not its secrets)").toString();
    }

    /** The innermost frame of footprint's own code, or null. */
    private static StackTraceElement ownFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.github.footprint.")) {
                return e;
            }
        }
        return null;
    }
}
