package io.cepheid.planner.parse;

/** How a SORTKEY's columns order a table: COMPOUND (Redshift's default for SORTKEY (cols)) or INTERLEAVED. */
public enum SortKeyStyle {
    COMPOUND,
    INTERLEAVED
}
