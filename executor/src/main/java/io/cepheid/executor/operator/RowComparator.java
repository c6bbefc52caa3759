package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Utf8;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Orders row references ({@code batch index << 32 | physical row}) into a list of batches by ORDER BY keys:
 * direction per key, nulls first or last as asked, floats in SQL order (NaN last, -0 = 0), strings by unsigned
 * UTF-8 bytes (CHAR without trailing blanks).
 */
final class RowComparator {
    private final List<SortKey> keys;
    private final PhysicalType[] physicalTypes;
    private final boolean[] blankPadded;
    private List<Batch> batches;

    RowComparator(List<SortKey> keys, List<SqlType> types) {
        this.keys = keys;
        this.physicalTypes = new PhysicalType[keys.size()];
        this.blankPadded = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            SqlType type = types.get(keys.get(k).column());
            physicalTypes[k] = type.physicalType();
            blankPadded[k] = type instanceof SqlType.CharType;
        }
    }

    void setBatches(List<Batch> batches) {
        this.batches = batches;
    }

    static long reference(int batch, int row) {
        return (long) batch << 32 | row;
    }

    int compare(long a, long b) {
        Batch batchA = batches.get((int) (a >>> 32));
        Batch batchB = batches.get((int) (b >>> 32));
        int rowA = (int) a;
        int rowB = (int) b;
        for (int k = 0; k < physicalTypes.length; k++) {
            SortKey key = keys.get(k);
            ColumnVector va = batchA.column(key.column());
            ColumnVector vb = batchB.column(key.column());
            boolean nullA = va.isNull(rowA);
            boolean nullB = vb.isNull(rowB);
            if (nullA || nullB) {
                if (nullA && nullB) {
                    continue;
                }
                return nullA == key.nullsFirst() ? -1 : 1;
            }
            int c = switch (physicalTypes[k]) {
                case INT16, INT32, INT64, BOOLEAN -> Long.compare(va.getLongValue(rowA), vb.getLongValue(rowB));
                case INT128 -> Int128.compare(va.getHigh(rowA), va.getLow(rowA), vb.getHigh(rowB), vb.getLow(rowB));
                case FLOAT32, FLOAT64 -> Double.compare(KeyHashing.doubleValue(va, rowA) + 0.0, KeyHashing.doubleValue(vb, rowB) + 0.0);
                case VARIABLE -> compareStrings(va, rowA, vb, rowB, blankPadded[k]);
            };
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    private static int compareStrings(ColumnVector a, int rowA, ColumnVector b, int rowB, boolean blankPadded) {
        int startA = a.getOffset(rowA);
        int lengthA = a.getByteLength(rowA);
        int startB = b.getOffset(rowB);
        int lengthB = b.getByteLength(rowB);
        if (blankPadded) {
            lengthA = Utf8.lengthWithoutTrailingBlanks(a.data(), startA, lengthA);
            lengthB = Utf8.lengthWithoutTrailingBlanks(b.data(), startB, lengthB);
        }
        return Utf8.compare(a.data(), startA, lengthA, b.data(), startB, lengthB);
    }

    /**
     * Stable merge sort of refs[0, count), kept off-heap so a large sort is charged to the query's budget;
     * {@code scratch} holds at least {@code count} entries.
     */
    void sort(OffHeapLongs refs, int count, OffHeapLongs scratch) {
        mergeSort(refs, scratch, 0, count);
    }

    private void mergeSort(OffHeapLongs refs, OffHeapLongs scratch, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                long value = refs.get(i);
                int j = i - 1;
                while (j >= from && compare(refs.get(j), value) > 0) {
                    refs.set(j + 1, refs.get(j));
                    j--;
                }
                refs.set(j + 1, value);
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(refs, scratch, from, middle);
        mergeSort(refs, scratch, middle, to);
        if (compare(refs.get(middle - 1), refs.get(middle)) <= 0) {
            return;
        }
        refs.copyTo(scratch, from, to);
        int i = from;
        int j = middle;
        for (int k = from; k < to; k++) {
            if (j >= to || i < middle && compare(scratch.get(i), scratch.get(j)) <= 0) {
                refs.set(k, scratch.get(i++));
            } else {
                refs.set(k, scratch.get(j++));
            }
        }
    }
}
