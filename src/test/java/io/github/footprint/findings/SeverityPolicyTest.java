package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;

import io.github.footprint.base.Location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeverityPolicyTest {
    private static Finding f(String rule, Severity s) {
        return new Finding(rule, s, "m", new Location("a", 1));
    }

    @Test
    void overridesThenOff() {
        SeverityPolicy p = new SeverityPolicy(Map.of("FP201", "info", "FP202", "off"));
        List<Finding> out = p.apply(List.of(f("FP201", Severity.ERROR), f("FP202", Severity.WARNING),
                f("FP203", Severity.WARNING)));
        assertEquals(2, out.size());
        assertEquals(Severity.INFO, out.get(0).severity());
        assertEquals(Severity.WARNING, out.get(1).severity());
        assertTrue(p.isOff("FP202"));
        assertFalse(p.isOff("FP201"));
    }

    @Test
    void thresholds() {
        assertTrue(FailOn.ERROR.fails(Severity.ERROR));
        assertFalse(FailOn.ERROR.fails(Severity.WARNING));
        assertTrue(FailOn.WARNING.fails(Severity.WARNING));
        assertFalse(FailOn.WARNING.fails(Severity.INFO));
        assertFalse(FailOn.NEVER.fails(Severity.ERROR));
        assertEquals(FailOn.WARNING, FailOn.parse(" Warning "));
        assertEquals(null, FailOn.parse("sometimes"));
    }
}
