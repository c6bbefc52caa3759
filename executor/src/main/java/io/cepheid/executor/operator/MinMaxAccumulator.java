package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Utf8;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * MIN and MAX of any type: integer-like values and floats in off-heap arrays, strings (by unsigned UTF-8
 * bytes) as one heap byte array per group; 128-bit decimals keep their high halves in a second array. The same code merges partial states in FINAL mode.
 */
final class MinMaxAccumulator implements Accumulator {
    private final int column;
    private final boolean min;
    private final PhysicalType physicalType;
    private final boolean floating;
    private final OffHeapLongs best;
    private final OffHeapLongs seen;
    /** High halves of 128-bit values; null for other types. */
    private final OffHeapLongs bestHigh;
    private final List<byte[]> strings = new ArrayList<>();
    private long[] longs = new long[0];
    private double[] doubles = new double[0];

    MinMaxAccumulator(BufferAllocator allocator, int column, SqlType type, boolean min) {
        this.column = column;
        this.min = min;
        this.physicalType = type.physicalType();
        this.floating = physicalType == PhysicalType.FLOAT32 || physicalType == PhysicalType.FLOAT64;
        OffHeapLongs values = new OffHeapLongs(allocator, 16, 0);
        try {
            this.seen = new OffHeapLongs(allocator, 16, 0);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        this.best = values;
        try {
            this.bestHigh = physicalType == PhysicalType.INT128 ? new OffHeapLongs(allocator, 16, 0) : null;
        } catch (RuntimeException e) {
            values.close();
            seen.close();
            throw e;
        }
    }

    @Override
    public void ensureGroups(int groupCount) {
        best.ensureLength(groupCount, 0);
        seen.ensureLength(groupCount, 0);
        if (bestHigh != null) {
            bestHigh.ensureLength(groupCount, 0);
        }
        while (physicalType == PhysicalType.VARIABLE && strings.size() < groupCount) {
            strings.add(null);
        }
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        ColumnVector vector = batch.column(column);
        switch (physicalType) {
            case VARIABLE -> accumulateStrings(batch, vector, groupIds, n);
            case INT128 -> {
                for (int i = 0; i < n; i++) {
                    int row = batch.row(i);
                    if (vector.isNull(row)) {
                        continue;
                    }
                    int group = groupIds[i];
                    long high = vector.getHigh(row);
                    long low = vector.getLow(row);
                    if (seen.get(group) == 0 || better(Int128.compare(high, low, bestHigh.get(group), best.get(group)))) {
                        bestHigh.set(group, high);
                        best.set(group, low);
                        seen.set(group, 1);
                    }
                }
            }
            case FLOAT32, FLOAT64 -> {
                if (doubles.length < n) {
                    doubles = new double[n];
                }
                Vectors.readDoubles(vector, batch.selection(), n, doubles);
                for (int i = 0; i < n; i++) {
                    if (vector.isNull(batch.row(i))) {
                        continue;
                    }
                    int group = groupIds[i];
                    double value = doubles[i];
                    if (seen.get(group) == 0 || better(Double.compare(value + 0.0, Double.longBitsToDouble(best.get(group)) + 0.0))) {
                        best.set(group, Double.doubleToRawLongBits(value));
                        seen.set(group, 1);
                    }
                }
            }
            case INT16, INT32, INT64, BOOLEAN -> {
                if (longs.length < n) {
                    longs = new long[n];
                }
                Vectors.readLongs(vector, batch.selection(), n, longs);
                for (int i = 0; i < n; i++) {
                    if (vector.isNull(batch.row(i))) {
                        continue;
                    }
                    int group = groupIds[i];
                    long value = longs[i];
                    if (seen.get(group) == 0 || better(Long.compare(value, best.get(group)))) {
                        best.set(group, value);
                        seen.set(group, 1);
                    }
                }
            }
        }
    }

    private boolean better(int comparison) {
        return min ? comparison < 0 : comparison > 0;
    }

    private void accumulateStrings(Batch batch, ColumnVector vector, int[] groupIds, int n) {
        MemorySegment data = vector.data();
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            if (vector.isNull(row)) {
                continue;
            }
            int group = groupIds[i];
            int start = vector.getOffset(row);
            int length = vector.getByteLength(row);
            byte[] current = strings.get(group);
            if (current == null || better(Utf8.compare(data, start, length, MemorySegment.ofArray(current), 0, current.length))) {
                strings.set(group, vector.getBytes(row));
            }
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        ColumnVector target = out[outColumn];
        if (physicalType == PhysicalType.VARIABLE) {
            byte[] value = strings.get(group);
            if (value == null) {
                target.setNull(row);
            } else {
                target.setBytes(row, value);
            }
        } else if (seen.get(group) == 0) {
            target.setNull(row);
        } else if (floating) {
            double value = Double.longBitsToDouble(best.get(group));
            if (target.physicalType() == PhysicalType.FLOAT32) {
                target.setFloat(row, (float) value);
            } else {
                target.setDouble(row, value);
            }
        } else if (bestHigh != null) {
            target.setInt128(row, bestHigh.get(group), best.get(group));
        } else {
            target.setLongValue(row, best.get(group));
        }
    }

    @Override
    public void close() {
        best.close();
        seen.close();
        if (bestHigh != null) {
            bestHigh.close();
        }
        strings.clear();
    }
}
