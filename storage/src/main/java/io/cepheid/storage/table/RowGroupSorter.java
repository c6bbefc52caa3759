package io.cepheid.storage.table;

import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Orders rows by a sort key. COMPOUND: ascending, column by column, NULLs last (Redshift's default for
 * ascending keys). INTERLEAVED: by the {@link ZOrder} key of the sort columns, ties broken column by column,
 * so every sort column gets an equal share of the order and zone maps prune on each of them. Produces a
 * permutation with a stable merge sort over a primitive int array, so equal keys keep their load order and no
 * row is boxed.
 */
final class RowGroupSorter {
    private RowGroupSorter() {
    }

    /** Row indexes {@code [0, rowCount)} in COMPOUND sort order. */
    static int[] sortedOrder(ColumnVector[] columns, int rowCount, List<Integer> sortKey) {
        return sortedOrder(columns, rowCount, sortKey, SortStyle.COMPOUND);
    }

    /** Row indexes {@code [0, rowCount)} in the order of {@code style}. */
    static int[] sortedOrder(ColumnVector[] columns, int rowCount, List<Integer> sortKey, SortStyle style) {
        ColumnVector[] keys = keyColumns(columns, sortKey);
        int[] order = identity(rowCount);
        if (keys.length == 0 || rowCount < 2 || style == SortStyle.NONE) {
            return order;
        }
        long[] zKeys = style == SortStyle.INTERLEAVED ? ZOrder.keys(keys, rowCount) : null;
        mergeSort(keys, zKeys, order, new int[rowCount], 0, rowCount);
        return order;
    }

    /**
     * Row indexes {@code [0, rowCount)} in COMPOUND order, given that rows {@code [runStarts[i],
     * runStarts[i + 1])} (the last run ends at rowCount) are each sorted already: merges the runs pairwise,
     * bottom up, in O(rows x log runs). VACUUM uses it to merge a slice's row groups.
     */
    static int[] mergeRuns(ColumnVector[] columns, int rowCount, List<Integer> sortKey, int[] runStarts) {
        ColumnVector[] keys = keyColumns(columns, sortKey);
        int[] order = identity(rowCount);
        int[] scratch = new int[rowCount];
        int[] bounds = new int[runStarts.length + 1];
        System.arraycopy(runStarts, 0, bounds, 0, runStarts.length);
        bounds[runStarts.length] = rowCount;
        int runs = runStarts.length;
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int from = bounds[r];
                if (r + 1 < runs) {
                    merge(keys, null, order, scratch, from, bounds[r + 1], bounds[r + 2]);
                }
                bounds[merged++] = from;
            }
            bounds[merged] = rowCount;
            runs = merged;
        }
        return order;
    }

    private static ColumnVector[] keyColumns(ColumnVector[] columns, List<Integer> sortKey) {
        ColumnVector[] keys = new ColumnVector[sortKey.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns[sortKey.get(i)];
        }
        return keys;
    }

    private static int[] identity(int rowCount) {
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void mergeSort(ColumnVector[] keys, long[] zKeys, int[] rows, int[] scratch, int from, int to) {
        int length = to - from;
        if (length <= 16) {
            insertionSort(keys, zKeys, rows, from, to);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(keys, zKeys, rows, scratch, from, middle);
        mergeSort(keys, zKeys, rows, scratch, middle, to);
        merge(keys, zKeys, rows, scratch, from, middle, to);
    }

    /** Merges the sorted ranges {@code rows[from, middle)} and {@code rows[middle, to)}. */
    private static void merge(ColumnVector[] keys, long[] zKeys, int[] rows, int[] scratch, int from, int middle, int to) {
        if (from == middle || middle == to || compare(keys, zKeys, rows[middle - 1], rows[middle]) <= 0) {
            return; // already in order: common for loads that arrive sorted
        }
        System.arraycopy(rows, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && compare(keys, zKeys, scratch[left], scratch[right]) <= 0)) {
                rows[out] = scratch[left++];
            } else {
                rows[out] = scratch[right++];
            }
        }
    }

    private static void insertionSort(ColumnVector[] keys, long[] zKeys, int[] rows, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= from && compare(keys, zKeys, rows[j], row) > 0) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
    }

    /** By z-order key first when there is one (INTERLEAVED), then column by column. */
    private static int compare(ColumnVector[] keys, long[] zKeys, int a, int b) {
        if (zKeys != null) {
            int byZ = Long.compare(zKeys[a], zKeys[b]);
            if (byZ != 0) {
                return byZ;
            }
        }
        return compare(keys, a, b);
    }

    /** Compares rows {@code a} and {@code b} by the key columns, NULLs after every value. */
    static int compare(ColumnVector[] keys, int a, int b) {
        for (ColumnVector key : keys) {
            boolean aNull = key.isNull(a);
            boolean bNull = key.isNull(b);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                return aNull ? 1 : -1;
            }
            int result = switch (key.physicalType()) {
                case INT16, INT32, INT64, BOOLEAN -> Long.compare(key.getLongValue(a), key.getLongValue(b));
                case INT128 -> Int128.compare(key.getHigh(a), key.getLow(a), key.getHigh(b), key.getLow(b));
                case FLOAT32 -> Float.compare(key.getFloat(a), key.getFloat(b));
                case FLOAT64 -> Double.compare(key.getDouble(a), key.getDouble(b));
                case VARIABLE -> compareBytes(key, a, b);
            };
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /** Unsigned byte order, which for UTF-8 is code point order. */
    private static int compareBytes(ColumnVector key, int a, int b) {
        MemorySegment data = key.data();
        long aStart = key.getOffset(a);
        long bStart = key.getOffset(b);
        int aLength = key.getByteLength(a);
        int bLength = key.getByteLength(b);
        long mismatch = MemorySegment.mismatch(data, aStart, aStart + aLength, data, bStart, bStart + bLength);
        if (mismatch < 0) {
            return 0;
        }
        if (mismatch == aLength || mismatch == bLength) {
            return Integer.compare(aLength, bLength);
        }
        return Integer.compare(data.get(ValueLayout.JAVA_BYTE, aStart + mismatch) & 0xFF,
                data.get(ValueLayout.JAVA_BYTE, bStart + mismatch) & 0xFF);
    }
}
