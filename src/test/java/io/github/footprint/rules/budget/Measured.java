package io.github.footprint.rules.budget;

import io.github.footprint.model.Host;
import io.github.footprint.model.memory.Calibration.Constant;
import io.github.footprint.model.memory.Calibration;

/**
 * The sizes the budget tests expect, composed here from the calibration constants (docs/memory-model.md) so that the
 * tests do not read them back from the footprint they check.
 */
final class Measured {
    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;
    static final long APP_RSS = Host.DEFAULT_APP_RSS;
    /** glibc's HEAP_MAX_SIZE on 64-bit: the address space of one malloc arena. */
    static final long ARENA = 64 * MIB;

    private Measured() {
    }

    static long bytes(Constant c) {
        return Calibration.measured().bytes(c);
    }

    /** Resident size of one daemon process with one application. */
    static long daemon(int threads) {
        return bytes(Constant.DAEMON_RSS) + threads * bytes(Constant.DAEMON_THREAD_RSS) + APP_RSS;
    }

    /** One thread stack mapping: the stack rounded to pages and its guard page. */
    static long stack(long bytes) {
        return (bytes + 4095) / 4096 * 4096 + 4096;
    }

    /** Address space of one daemon process with one application: after-load base, threads, stacks, arenas. */
    static long daemonVirtual(int threads, long stack, long arenas) {
        return bytes(Constant.DAEMON_VIRTUAL_BASE) + threads * bytes(Constant.DAEMON_THREAD_VIRTUAL)
                + (threads + 2) * stack(stack) + arenas * ARENA + APP_RSS;
    }
}
