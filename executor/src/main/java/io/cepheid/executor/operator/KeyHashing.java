package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Utf8;
import io.cepheid.executor.kernel.Kernels;
import io.cepheid.executor.kernel.ScalarKernels;
import io.cepheid.executor.kernel.VectorKernels;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hashes and compares multi-column keys of join and aggregation rows. Integer widths hash alike (a SMALLINT 7
 * and a BIGINT 7 collide on purpose), -0.0 hashes as 0.0, CHAR ignores trailing blanks; nulls hash to a fixed
 * value. INT32 and INT64 columns go through the {@link VectorKernels} hash kernels.
 */
final class KeyHashing {
    private KeyHashing() {
    }

    /** hashes[i] = hash of the key columns of the i-th selected row of {@code batch}. */
    static void hash(Batch batch, int[] keyColumns, long[] hashes, long[] scratch) {
        int n = batch.size();
        int rows = batch.rowCount();
        int[] selection = batch.selection();
        VectorKernels kernels = Kernels.get();
        for (int k = 0; k < keyColumns.length; k++) {
            ColumnVector vector = batch.column(keyColumns[k]);
            boolean first = k == 0;
            switch (vector.physicalType()) {
                case INT32, INT64 -> {
                    boolean wide = vector.physicalType() == io.cepheid.storage.type.PhysicalType.INT64;
                    if (selection == null && first) {
                        if (wide) {
                            kernels.hashLong(vector.values(), vector.validityOrNull(), rows, hashes);
                        } else {
                            kernels.hashInt(vector.values(), vector.validityOrNull(), rows, hashes);
                        }
                    } else if (selection == null) {
                        if (wide) {
                            kernels.combineHashLong(vector.values(), vector.validityOrNull(), rows, hashes);
                        } else {
                            kernels.combineHashInt(vector.values(), vector.validityOrNull(), rows, hashes);
                        }
                    } else {
                        if (wide) {
                            kernels.hashLong(vector.values(), vector.validityOrNull(), rows, scratch);
                        } else {
                            kernels.hashInt(vector.values(), vector.validityOrNull(), rows, scratch);
                        }
                        for (int i = 0; i < n; i++) {
                            long h = scratch[selection[i]];
                            hashes[i] = first ? h : ScalarKernels.combine(hashes[i], h);
                        }
                    }
                }
                case INT16, INT128, BOOLEAN, FLOAT32, FLOAT64, VARIABLE -> {
                    for (int i = 0; i < n; i++) {
                        long h = hashValue(vector, selection == null ? i : selection[i]);
                        hashes[i] = first ? h : ScalarKernels.combine(hashes[i], h);
                    }
                }
            }
        }
    }

    /** Hash of one value, matching the kernels' hash for integers. */
    static long hashValue(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return ScalarKernels.NULL_HASH;
        }
        return switch (vector.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> ScalarKernels.mix(vector.getLongValue(row));
            case INT128 -> {
                // A value that fits in a long hashes as that long, so DECIMAL keys of either width meet.
                long high = vector.getHigh(row);
                long low = vector.getLow(row);
                yield Int128.fitsInLong(high, low) ? ScalarKernels.mix(low) : ScalarKernels.mix(ScalarKernels.mix(high) ^ low);
            }
            case FLOAT32 -> ScalarKernels.mix(Double.doubleToLongBits(vector.getFloat(row) + 0.0));
            case FLOAT64 -> ScalarKernels.mix(Double.doubleToLongBits(vector.getDouble(row) + 0.0));
            case VARIABLE -> {
                MemorySegment data = vector.data();
                int start = vector.getOffset(row);
                int length = vector.getByteLength(row);
                if (vector.type() instanceof SqlType.CharType) {
                    length = Utf8.lengthWithoutTrailingBlanks(data, start, length);
                }
                yield Utf8.hash(data, start, length);
            }
        };
    }

    /** Whether any key column is null at physical row {@code row}. */
    static boolean anyNull(ColumnVector[] columns, int[] keyColumns, int row) {
        for (int key : keyColumns) {
            if (columns[key].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static long high(ColumnVector vector, int row) {
        return vector.physicalType() == PhysicalType.INT128 ? vector.getHigh(row) : vector.getLongValue(row) >> 63;
    }

    private static long low(ColumnVector vector, int row) {
        return vector.physicalType() == PhysicalType.INT128 ? vector.getLow(row) : vector.getLongValue(row);
    }

    /** Key equality with NULL equal to NULL (grouping semantics; joins test for nulls first). */
    static boolean equal(ColumnVector a, int aRow, ColumnVector b, int bRow) {
        boolean aNull = a.isNull(aRow);
        boolean bNull = b.isNull(bRow);
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.physicalType() == PhysicalType.INT128 || b.physicalType() == PhysicalType.INT128) {
            return high(a, aRow) == high(b, bRow) && low(a, aRow) == low(b, bRow);
        }
        return switch (a.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> a.getLongValue(aRow) == b.getLongValue(bRow);
            case INT128 -> throw new AssertionError();
            case FLOAT32, FLOAT64 -> Double.compare(doubleValue(a, aRow) + 0.0, doubleValue(b, bRow) + 0.0) == 0;
            case VARIABLE -> {
                int aStart = a.getOffset(aRow);
                int aLength = a.getByteLength(aRow);
                int bStart = b.getOffset(bRow);
                int bLength = b.getByteLength(bRow);
                if (a.type() instanceof SqlType.CharType || b.type() instanceof SqlType.CharType) {
                    aLength = Utf8.lengthWithoutTrailingBlanks(a.data(), aStart, aLength);
                    bLength = Utf8.lengthWithoutTrailingBlanks(b.data(), bStart, bLength);
                }
                yield aLength == bLength
                        && MemorySegment.mismatch(a.data(), aStart, aStart + aLength, b.data(), bStart, bStart + bLength) < 0;
            }
        };
    }

    static double doubleValue(ColumnVector vector, int row) {
        return vector.physicalType() == io.cepheid.storage.type.PhysicalType.FLOAT32
                ? vector.getFloat(row) : vector.values().getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, row);
    }
}
