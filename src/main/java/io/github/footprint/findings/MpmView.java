package io.github.footprint.findings;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmValue;

/** The MPM and its effective sizing values with where each is set, as reports print them; places masked. */
public final class MpmView {
    /** One sizing directive: its effective value and, when the configuration sets it, where and to what. */
    public static final class Value {
        private final String directive;
        private final long effective;
        private final long configured;
        private final Location location;
        private final String where;

        private Value(MpmValue v, Redactor r) {
            this.directive = v.directive().directiveName();
            this.effective = v.effective();
            this.configured = v.configured();
            this.location = v.location();
            this.where = v.location() == null ? "" : r.maskLocation(v.location().toString());
        }

        /** {@code MaxRequestWorkers}. */
        public String directive() {
            return directive;
        }

        public long effective() {
            return effective;
        }

        /** The value as written, when {@link #location()} is set. */
        public long configured() {
            return configured;
        }

        /** Where the configuration sets it; null when it is the MPM's default. */
        public Location location() {
            return location;
        }

        /** {@code file:line} of {@link #location()}, masked; empty when it is the MPM's default. */
        public String where() {
            return where;
        }
    }

    private final String label;
    private final boolean assumed;
    private final List<Value> values;

    private MpmView(Mpm mpm, Redactor r) {
        this.label = mpm.kind().label();
        this.assumed = mpm.assumed();
        List<Value> vs = new ArrayList<>();
        for (MpmValue v : mpm.values().values()) {
            vs.add(new Value(v, r));
        }
        this.values = List.copyOf(vs);
    }

    /** Null when no MPM is known. */
    static MpmView of(Mpm mpm, Redactor r) {
        return mpm == null || mpm.kind() == null ? null : new MpmView(mpm, r);
    }

    /** {@code prefork}, {@code worker}, {@code event}. */
    public String label() {
        return label;
    }

    /** True when no main httpd file loads an MPM and the {@code mpm} parameter's is assumed. */
    public boolean assumed() {
        return assumed;
    }

    /** The sizing values in the model's order. */
    public List<Value> values() {
        return values;
    }
}
