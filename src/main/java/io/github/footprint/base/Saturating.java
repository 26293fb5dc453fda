package io.github.footprint.base;

/**
 * Sizes and counts in exact arithmetic up to {@link #MAX}, where they stop: a sum or product beyond it is
 * {@code MAX}, never a negative wrap. {@code MAX} (2^62 bytes, 4 EiB) is above any host's memory and address space,
 * so a saturated total always exceeds a budget and a budget rule fires.
 */
public final class Saturating {
    /** Where sums and products stop: 2^62. */
    public static final long MAX = 1L << 62;

    private Saturating() {
    }

    /** {@code a + b} for non-negative values, at most {@link #MAX}. */
    public static long add(long a, long b) {
        long s = a + b;
        return a >= MAX || b >= MAX || s < 0 || s > MAX ? MAX : s;
    }

    /** {@code a * b} for non-negative values, at most {@link #MAX}. */
    public static long multiply(long a, long b) {
        if (a <= 0 || b <= 0) {
            return a == 0 || b == 0 ? 0 : a * b;
        }
        if (Math.multiplyHigh(a, b) != 0) {
            return MAX;
        }
        long p = a * b;
        return p < 0 || p > MAX ? MAX : p;
    }
}
