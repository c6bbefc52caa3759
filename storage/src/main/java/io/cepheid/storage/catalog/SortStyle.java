package io.cepheid.storage.catalog;

/** How the sort key columns order rows within a slice. */
public enum SortStyle {
    NONE,
    COMPOUND,
    INTERLEAVED
}
