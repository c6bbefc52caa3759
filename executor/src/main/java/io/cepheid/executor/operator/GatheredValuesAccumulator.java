package io.cepheid.executor.operator;

import io.cepheid.executor.expression.DecimalMath;
import io.cepheid.executor.expression.Utf8;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PERCENTILE_CONT, PERCENTILE_DISC (MEDIAN is PERCENTILE_CONT(0.5)) and LISTAGG: they need every value of a
 * group, so they keep them all, in accounted off-heap memory (a query whose values outgrow its budget fails
 * with 53200). Each non-null value becomes an entry: its value (an integer, a double's bits, or the place in a
 * byte arena of a string or of a DECIMAL(19..38)'s 16 bytes), the WITHIN GROUP order key when that is another column, and the previous entry of
 * its group (each group is a linked list). At output a group's entries are sorted and read off. These
 * functions run in SINGLE mode only, on the gathered rows.
 */
final class GatheredValuesAccumulator implements Accumulator {
    private static final int LENGTH_BITS = 24;
    private static final long NO_ENTRY = -1;
    private static final int MAX_LISTAGG_BYTES = 65535;

    private final BufferAllocator allocator;
    private final AggregateCall call;
    private final int column;
    private final SqlType argumentType;
    /** The WITHIN GROUP key's column when it differs from the argument, else -1. */
    private final int orderColumn;
    private final SqlType orderType;
    private final boolean descending;
    private final boolean nullsFirst;
    private final OffHeapLongs heads;
    private final OffHeapLongs values;
    private final OffHeapLongs previous;
    private final OffHeapLongs orderValues;
    private MemorySegment arena;
    private long arenaUsed;
    private long entries;
    private int[] order = new int[0];
    private int[] sortScratch = new int[0];

    GatheredValuesAccumulator(BufferAllocator allocator, AggregateCall call, List<SqlType> inputTypes) {
        this.allocator = allocator;
        this.call = call;
        this.column = call.argument();
        this.argumentType = inputTypes.get(column);
        SortKey key = call.order().isEmpty() ? null : call.order().getFirst();
        this.orderColumn = key == null || key.column() == column ? -1 : key.column();
        this.orderType = orderColumn < 0 ? argumentType : inputTypes.get(orderColumn);
        this.descending = key != null && key.descending();
        this.nullsFirst = key != null && key.nullsFirst();
        OffHeapLongs headState = new OffHeapLongs(allocator, 16, NO_ENTRY);
        OffHeapLongs valueState = null;
        OffHeapLongs previousState = null;
        try {
            valueState = new OffHeapLongs(allocator, 1024, 0);
            previousState = new OffHeapLongs(allocator, 1024, 0);
            this.orderValues = orderColumn < 0 ? null : new OffHeapLongs(allocator, 1024, 0);
            this.arena = allocator.allocate(4096);
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, headState, valueState, previousState);
            throw e;
        }
        this.heads = headState;
        this.values = valueState;
        this.previous = previousState;
    }

    @Override
    public void ensureGroups(int groupCount) {
        heads.ensureLength(groupCount, NO_ENTRY);
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        ColumnVector vector = batch.column(column);
        ColumnVector orderVector = orderColumn < 0 ? null : batch.column(orderColumn);
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            if (vector.isNull(row)) {
                continue;
            }
            long entry = entries++;
            values.ensureLength(entry + 1, 0);
            previous.ensureLength(entry + 1, 0);
            values.set(entry, store(vector, row));
            if (orderVector != null) {
                // Two longs per entry: a null flag, then the value.
                orderValues.ensureLength(2 * entry + 2, 0);
                boolean isNull = orderVector.isNull(row);
                orderValues.set(2 * entry, isNull ? 1 : 0);
                orderValues.set(2 * entry + 1, isNull ? 0 : store(orderVector, row));
            }
            int group = groupIds[i];
            previous.set(entry, heads.get(group));
            heads.set(group, entry);
        }
    }

    /**
     * A value as one long: integers (DECIMAL unscaled) as they are, floats as double bits, strings and 128-bit
     * DECIMALs (high half, then low) as their place in the arena.
     */
    private long store(ColumnVector vector, int row) {
        return switch (vector.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> vector.getLongValue(row);
            case FLOAT32 -> Double.doubleToRawLongBits(vector.getFloat(row));
            case FLOAT64 -> Double.doubleToRawLongBits(vector.getDouble(row));
            case INT128 -> {
                long place = reserve(2 * Long.BYTES);
                long offset = place >>> LENGTH_BITS;
                arena.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, vector.getHigh(row));
                arena.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + Long.BYTES, vector.getLow(row));
                yield place;
            }
            case VARIABLE -> {
                int length = vector.getByteLength(row);
                long place = reserve(length);
                MemorySegment.copy(vector.data(), vector.getOffset(row), arena, place >>> LENGTH_BITS, length);
                yield place;
            }
        };
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        int count = collect(group);
        ColumnVector target = out[outColumn];
        if (count == 0) {
            target.setNull(row);
            return;
        }
        if (call.function() == AggregateFunction.LISTAGG) {
            writeList(count, target, row);
            return;
        }
        sort(count, false);
        double fraction = call.fraction();
        if (call.function() == AggregateFunction.PERCENTILE_DISC) {
            int index = Math.max(0, (int) Math.ceil(fraction * count) - 1);
            writeNumber(target, row, values.get(order[index]));
            return;
        }
        double position = fraction * (count - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        if (target.physicalType() == PhysicalType.INT128) {
            writeWideInterpolated(target, row, values.get(order[lower]), values.get(order[upper]), position - lower);
            return;
        }
        double low = asDouble(values.get(order[lower]));
        double high = asDouble(values.get(order[upper]));
        writeInterpolated(target, row, low + (position - lower) * (high - low));
    }

    private void writeList(int count, ColumnVector target, int row) {
        boolean ordered = !call.order().isEmpty();
        if (ordered || call.distinct()) {
            sort(count, !ordered);
        }
        byte[] delimiter = call.delimiter().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long lastWritten = NO_ENTRY;
        for (int i = 0; i < count; i++) {
            long place = values.get(order[i]);
            if (call.distinct() && lastWritten != NO_ENTRY && compareStored(lastWritten, place, argumentType) == 0) {
                continue;
            }
            if (lastWritten != NO_ENTRY) {
                text.writeBytes(delimiter);
            }
            text.writeBytes(arena.asSlice(place >>> LENGTH_BITS, place & ((1L << LENGTH_BITS) - 1)).toArray(ValueLayout.JAVA_BYTE));
            lastWritten = place;
            if (text.size() > MAX_LISTAGG_BYTES) {
                throw new CepheidException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
                        "LISTAGG result exceeds the limit of " + MAX_LISTAGG_BYTES + " bytes");
            }
        }
        target.setBytes(row, text.toByteArray());
    }

    /** Puts the group's entries in {@code order[0..count)}, in arrival order, and returns the count. */
    private int collect(int group) {
        int count = 0;
        for (long entry = heads.get(group); entry != NO_ENTRY; entry = previous.get(entry)) {
            count++;
        }
        if (order.length < count) {
            order = new int[count];
            sortScratch = new int[count];
        }
        int i = count;
        for (long entry = heads.get(group); entry != NO_ENTRY; entry = previous.get(entry)) {
            order[--i] = (int) entry;
        }
        return count;
    }

    /** Stable merge sort of {@code order[0..count)} by the WITHIN GROUP key (or by value when {@code byValue}). */
    private void sort(int count, boolean byValue) {
        for (int width = 1; width < count; width *= 2) {
            for (int start = 0; start < count; start += 2 * width) {
                int middle = Math.min(start + width, count);
                int end = Math.min(start + 2 * width, count);
                int a = start;
                int b = middle;
                for (int k = start; k < end; k++) {
                    if (a < middle && (b >= end || compareEntries(order[a], order[b], byValue) <= 0)) {
                        sortScratch[k] = order[a++];
                    } else {
                        sortScratch[k] = order[b++];
                    }
                }
            }
            int[] swap = order;
            order = sortScratch;
            sortScratch = swap;
        }
    }

    private int compareEntries(int a, int b, boolean byValue) {
        int comparison;
        if (orderColumn < 0 || byValue) {
            comparison = compareStored(values.get(a), values.get(b), argumentType);
        } else {
            boolean aNull = orderValues.get(2L * a) != 0;
            boolean bNull = orderValues.get(2L * b) != 0;
            if (aNull || bNull) {
                // NULL order keys go where NULLS FIRST/LAST puts them, whatever the direction.
                return aNull == bNull ? 0 : aNull == nullsFirst ? -1 : 1;
            }
            comparison = compareStored(orderValues.get(2L * a + 1), orderValues.get(2L * b + 1), orderType);
        }
        return descending && !byValue ? -comparison : comparison;
    }

    /** Room for {@code length} bytes at the arena's end, growing it as needed: their place (offset, length). */
    private long reserve(int length) {
        if (arenaUsed + length > arena.byteSize()) {
            arena = allocator.reallocate(arena, arenaUsed, Math.max(arena.byteSize() * 2, arenaUsed + length));
        }
        long place = (arenaUsed << LENGTH_BITS) | length;
        arenaUsed += length;
        return place;
    }

    private long storedHigh(long place) {
        return arena.get(ValueLayout.JAVA_LONG_UNALIGNED, place >>> LENGTH_BITS);
    }

    private long storedLow(long place) {
        return arena.get(ValueLayout.JAVA_LONG_UNALIGNED, (place >>> LENGTH_BITS) + Long.BYTES);
    }

    private int compareStored(long a, long b, SqlType type) {
        return switch (type.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> Long.compare(a, b);
            case FLOAT32, FLOAT64 -> Double.compare(Double.longBitsToDouble(a) + 0.0, Double.longBitsToDouble(b) + 0.0);
            case INT128 -> Int128.compare(storedHigh(a), storedLow(a), storedHigh(b), storedLow(b));
            case VARIABLE -> Utf8.compare(arena, a >>> LENGTH_BITS, a & ((1L << LENGTH_BITS) - 1),
                    arena, b >>> LENGTH_BITS, b & ((1L << LENGTH_BITS) - 1));
        };
    }

    private double asDouble(long stored) {
        return switch (argumentType.physicalType()) {
            case FLOAT32, FLOAT64 -> Double.longBitsToDouble(stored);
            case INT128 -> new BigDecimal(Int128.toBigInteger(storedHigh(stored), storedLow(stored)),
                    ((SqlType.DecimalType) argumentType).scale()).doubleValue();
            default -> argumentType instanceof SqlType.DecimalType d ? stored / (double) DecimalMath.powerOfTen(d.scale()) : stored;
        };
    }

    /**
     * PERCENTILE_CONT's result in the type the planner gives it: MEDIAN's DOUBLE, or WITHIN GROUP's ORDER BY
     * type, where integers and DECIMAL round half away from zero at their scale.
     */
    private static void writeInterpolated(ColumnVector target, int row, double value) {
        switch (target.physicalType()) {
            case FLOAT64 -> target.setDouble(row, value);
            case FLOAT32 -> target.setFloat(row, (float) value);
            default -> {
                double scaled = target.type() instanceof SqlType.DecimalType d ? value * DecimalMath.powerOfTen(d.scale()) : value;
                target.setLongValue(row, (long) (Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5)));
            }
        }
    }

    /**
     * PERCENTILE_CONT over DECIMAL(19..38), in its own type: low + fraction * (high - low), exact, rounded half
     * away from zero at the type's scale (once per group, so BigDecimal's cost does not matter).
     */
    private void writeWideInterpolated(ColumnVector target, int row, long lowPlace, long highPlace, double fraction) {
        BigDecimal low = new BigDecimal(Int128.toBigInteger(storedHigh(lowPlace), storedLow(lowPlace)));
        BigDecimal high = new BigDecimal(Int128.toBigInteger(storedHigh(highPlace), storedLow(highPlace)));
        BigInteger value = low.add(high.subtract(low).multiply(BigDecimal.valueOf(fraction)))
                .setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        target.setInt128(row, Int128.high(value), Int128.low(value));
    }

    private void writeNumber(ColumnVector target, int row, long stored) {
        if (argumentType.physicalType() == PhysicalType.INT128) {
            target.setInt128(row, storedHigh(stored), storedLow(stored));
            return;
        }
        boolean floatingArgument = argumentType.physicalType() == PhysicalType.FLOAT32 || argumentType.physicalType() == PhysicalType.FLOAT64;
        switch (target.physicalType()) {
            case FLOAT64 -> target.setDouble(row, asDouble(stored));
            case FLOAT32 -> target.setFloat(row, (float) asDouble(stored));
            default -> target.setLongValue(row, floatingArgument ? (long) Double.longBitsToDouble(stored) : stored);
        }
    }

    @Override
    public void close() {
        Operators.closeQuietly(new RuntimeException("closing gathered values"), heads, values, previous, orderValues);
        if (arena != null) {
            allocator.free(arena);
            arena = null;
        }
    }
}
