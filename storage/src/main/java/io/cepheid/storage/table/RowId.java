package io.cepheid.storage.table;

/**
 * A row's position in one table version, packed in a long: the slice (bits 40-62), the row group's index
 * in that slice's manifest list (bits 16-39) and the row inside the row group (bits 0-15, as a row group
 * holds at most 65,536 rows). Slice 2, row group 5, row 7 is {@code 2 << 40 | 5 << 16 | 7}. Scans emit
 * it as a hidden column for DELETE and UPDATE; it is only meaningful against the version scanned.
 */
public final class RowId {
    private static final int ROW_BITS = 16;
    private static final int ROW_GROUP_BITS = 24;

    private RowId() {
    }

    public static long of(int slice, int rowGroup, int row) {
        return (long) slice << (ROW_BITS + ROW_GROUP_BITS) | (long) rowGroup << ROW_BITS | row;
    }

    public static int slice(long rowId) {
        return (int) (rowId >>> (ROW_BITS + ROW_GROUP_BITS));
    }

    public static int rowGroup(long rowId) {
        return (int) (rowId >>> ROW_BITS) & ((1 << ROW_GROUP_BITS) - 1);
    }

    public static int row(long rowId) {
        return (int) rowId & ((1 << ROW_BITS) - 1);
    }

    /** The row-id bits above the row: equal for rows of the same row group. */
    public static long rowGroupKey(long rowId) {
        return rowId >>> ROW_BITS;
    }
}
