package io.cepheid.storage.catalog;

import io.cepheid.storage.encoding.ZoneMap;

import java.util.Objects;

/**
 * What ANALYZE learned about one column: the fraction of rows that are null, an estimate of its distinct
 * non-null values (HyperLogLog, so about 2% off on large sets and exact-ish on small ones), the average
 * width in bytes of a non-null value, and the min and max of its non-null values ({@link ZoneMap#EMPTY}
 * when every value is null; strings longer than {@link #MAX_STRING_BOUND} bytes are cut to that prefix).
 */
public record ColumnStatistics(String column, double nullFraction, double distinctValues, double averageWidth,
        ZoneMap range) {
    /** Longest string min or max kept: enough to compare with literals, small enough for the catalog file. */
    public static final int MAX_STRING_BOUND = 64;

    public ColumnStatistics {
        Objects.requireNonNull(column, "column is null");
        Objects.requireNonNull(range, "range is null");
    }

    public ColumnStatistics renamed(String newName) {
        return new ColumnStatistics(newName, nullFraction, distinctValues, averageWidth, range);
    }
}
