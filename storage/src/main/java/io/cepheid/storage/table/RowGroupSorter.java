package io.cepheid.storage.table;

import io.cepheid.storage.type.Int128;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Orders the rows of a row group by a COMPOUND sort key: ascending, column by column, NULLs last
 * (Redshift's default for ascending keys). Produces a permutation with a stable merge sort over a
 * primitive int array, so equal keys keep their load order and no row is boxed.
 */
final class RowGroupSorter {
    private RowGroupSorter() {
    }

    /** Row indexes {@code [0, rowCount)} in sort order. */
    static int[] sortedOrder(ColumnVector[] columns, int rowCount, List<Integer> sortKey) {
        ColumnVector[] keys = new ColumnVector[sortKey.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns[sortKey.get(i)];
        }
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        if (keys.length == 0 || rowCount < 2) {
            return order;
        }
        int[] scratch = new int[rowCount];
        mergeSort(keys, order, scratch, 0, rowCount);
        return order;
    }

    private static void mergeSort(ColumnVector[] keys, int[] rows, int[] scratch, int from, int to) {
        int length = to - from;
        if (length <= 16) {
            insertionSort(keys, rows, from, to);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(keys, rows, scratch, from, middle);
        mergeSort(keys, rows, scratch, middle, to);
        if (compare(keys, rows[middle - 1], rows[middle]) <= 0) {
            return; // already in order: common for loads that arrive sorted
        }
        System.arraycopy(rows, from, scratch, from, length);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && compare(keys, scratch[left], scratch[right]) <= 0)) {
                rows[out] = scratch[left++];
            } else {
                rows[out] = scratch[right++];
            }
        }
    }

    private static void insertionSort(ColumnVector[] keys, int[] rows, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= from && compare(keys, rows[j], row) > 0) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
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
