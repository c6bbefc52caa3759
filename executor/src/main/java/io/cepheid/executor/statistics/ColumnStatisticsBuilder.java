package io.cepheid.executor.statistics;

import io.cepheid.executor.operator.HyperLogLogSketch;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Accumulates one column's statistics over batches of its values: counts, value bytes, a HyperLogLog
 * sketch and the min and max, each in a loop specialised by physical type once per batch. Strings are
 * compared in place in the batch's data buffer; only a new min or max is copied out.
 */
final class ColumnStatisticsBuilder implements AutoCloseable {
    private final String column;
    private final PhysicalType physicalType;
    private final HyperLogLogSketch sketch;
    private long rows;
    private long nulls;
    private long valueBytes;
    private long longMin = Long.MAX_VALUE;
    private long longMax = Long.MIN_VALUE;
    private double doubleMin = Double.POSITIVE_INFINITY;
    private double doubleMax = Double.NEGATIVE_INFINITY;
    private long minHigh = Long.MAX_VALUE;
    private long minLow = -1;
    private long maxHigh = Long.MIN_VALUE;
    private long maxLow = 0;
    private byte[] bytesMin;
    private byte[] bytesMax;

    ColumnStatisticsBuilder(String column, PhysicalType physicalType, BufferAllocator allocator) {
        this.column = column;
        this.physicalType = physicalType;
        this.sketch = new HyperLogLogSketch(allocator);
    }

    /** Adds the selected rows of column 0 of {@code batch}. */
    void add(Batch batch) {
        ColumnVector vector = batch.column(0);
        int n = batch.size();
        rows += n;
        long nullsBefore = nulls;
        switch (physicalType) {
            case INT16, INT32, INT64, BOOLEAN -> addIntegers(batch, vector, n);
            case FLOAT32, FLOAT64 -> addFloats(batch, vector, n);
            case INT128 -> addInt128(batch, vector, n);
            case VARIABLE -> addStrings(batch, vector, n);
        }
        if (physicalType != PhysicalType.VARIABLE) {
            valueBytes += (long) fixedWidth(physicalType) * (n - (nulls - nullsBefore));
        }
        sketch.add(batch, 0);
    }

    private void addIntegers(Batch batch, ColumnVector vector, int n) {
        // One loop per width, so no value goes through a switch.
        long min = longMin;
        long max = longMax;
        switch (physicalType) {
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    int row = batch.row(i);
                    if (vector.isNull(row)) {
                        nulls++;
                    } else {
                        short value = vector.getShort(row);
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int row = batch.row(i);
                    if (vector.isNull(row)) {
                        nulls++;
                    } else {
                        int value = vector.getInt(row);
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    int row = batch.row(i);
                    if (vector.isNull(row)) {
                        nulls++;
                    } else {
                        long value = vector.getLong(row);
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    int row = batch.row(i);
                    if (vector.isNull(row)) {
                        nulls++;
                    } else {
                        long value = vector.getBoolean(row) ? 1 : 0;
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
        }
        longMin = min;
        longMax = max;
    }

    private void addFloats(Batch batch, ColumnVector vector, int n) {
        boolean single = physicalType == PhysicalType.FLOAT32;
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            if (vector.isNull(row)) {
                nulls++;
                continue;
            }
            double value = single ? vector.getFloat(row) : vector.getDouble(row);
            if (Double.isNaN(value)) {
                doubleMax = Double.NaN; // NaN sorts above every number in SQL
            } else {
                doubleMin = Math.min(doubleMin, value);
                if (!Double.isNaN(doubleMax)) {
                    doubleMax = Math.max(doubleMax, value);
                }
            }
        }
    }

    private void addInt128(Batch batch, ColumnVector vector, int n) {
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            if (vector.isNull(row)) {
                nulls++;
                continue;
            }
            long high = vector.getHigh(row);
            long low = vector.getLow(row);
            if (Int128.compare(high, low, minHigh, minLow) < 0) {
                minHigh = high;
                minLow = low;
            }
            if (Int128.compare(high, low, maxHigh, maxLow) > 0) {
                maxHigh = high;
                maxLow = low;
            }
        }
    }

    private void addStrings(Batch batch, ColumnVector vector, int n) {
        MemorySegment data = vector.data();
        MemorySegment min = bytesMin == null ? null : MemorySegment.ofArray(bytesMin);
        MemorySegment max = bytesMax == null ? null : MemorySegment.ofArray(bytesMax);
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            if (vector.isNull(row)) {
                nulls++;
                continue;
            }
            int offset = vector.getOffset(row);
            int length = vector.getByteLength(row);
            valueBytes += length;
            if (min == null || compare(data, offset, length, min) < 0) {
                bytesMin = copy(data, offset, length);
                min = MemorySegment.ofArray(bytesMin);
            }
            if (max == null || compare(data, offset, length, max) > 0) {
                bytesMax = copy(data, offset, length);
                max = MemorySegment.ofArray(bytesMax);
            }
        }
    }

    /** Unsigned byte order (UTF-8 code point order) of a value in {@code data} against a kept bound. */
    private static int compare(MemorySegment data, long offset, long length, MemorySegment bound) {
        long mismatch = MemorySegment.mismatch(data, offset, offset + length, bound, 0, bound.byteSize());
        if (mismatch < 0) {
            return 0;
        }
        if (mismatch == length) {
            return -1;
        }
        if (mismatch == bound.byteSize()) {
            return 1;
        }
        return Byte.compareUnsigned(data.get(ValueLayout.JAVA_BYTE, offset + mismatch), bound.get(ValueLayout.JAVA_BYTE, mismatch));
    }

    private static byte[] copy(MemorySegment data, long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return bytes;
    }

    private static int fixedWidth(PhysicalType type) {
        return switch (type) {
            case BOOLEAN -> 1;
            case INT16 -> 2;
            case INT32, FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
            case INT128 -> 16;
            case VARIABLE -> 0;
        };
    }

    ColumnStatistics build() {
        long nonNull = rows - nulls;
        double nullFraction = rows == 0 ? 0 : (double) nulls / rows;
        // HyperLogLog can overshoot by a few percent; there cannot be more distinct values than values.
        double distinct = Math.min(sketch.estimate(), nonNull);
        double width = nonNull == 0 ? 0 : (double) valueBytes / nonNull;
        return new ColumnStatistics(column, nullFraction, distinct, width, nonNull == 0 ? ZoneMap.EMPTY : range());
    }

    private ZoneMap range() {
        return switch (physicalType) {
            case INT16, INT32, INT64, BOOLEAN -> new ZoneMap.LongRange(longMin, longMax);
            case FLOAT32, FLOAT64 -> new ZoneMap.DoubleRange(doubleMin, doubleMax);
            case INT128 -> new ZoneMap.DecimalRange(Int128.toBigInteger(minHigh, minLow), Int128.toBigInteger(maxHigh, maxLow));
            case VARIABLE -> new ZoneMap.BytesRange(prefix(bytesMin), prefix(bytesMax));
        };
    }

    private static byte[] prefix(byte[] value) {
        return value.length <= ColumnStatistics.MAX_STRING_BOUND ? value
                : Arrays.copyOf(value, ColumnStatistics.MAX_STRING_BOUND);
    }

    @Override
    public void close() {
        sketch.close();
    }
}
