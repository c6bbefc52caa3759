package io.cepheid.planner.parse;

/** Redshift's fixed limits that the grammar needs to spell out types. */
public final class RedshiftLimits {
    /** What VARCHAR(MAX) means: Redshift's longest VARCHAR, in bytes. */
    public static final int MAX_VARCHAR_LENGTH = 65535;

    /** The length Redshift gives TEXT, which it stores as VARCHAR(256). */
    public static final int TEXT_LENGTH = 256;

    private RedshiftLimits() {
    }
}
