package io.github.footprint.model;

/** The user's statements about the host that the model needs (more come with the memory model). */
public final class ModelParameters {
    private final long requestGrowth;

    /** @param requestGrowth bytes an application process gains per request (0: unknown) */
    public ModelParameters(long requestGrowth) {
        this.requestGrowth = requestGrowth;
    }

    public static ModelParameters defaults() {
        return new ModelParameters(0);
    }

    public long requestGrowth() {
        return requestGrowth;
    }
}
