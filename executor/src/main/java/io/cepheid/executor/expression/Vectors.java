package io.cepheid.executor.expression;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-physical-type loops that move values between vectors and primitive arrays: the building blocks the
 * evaluators and operators use so that the type switch happens once per batch, not once per value.
 */
public final class Vectors {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Vectors() {
    }

    /** True when row {@code row} is valid in {@code validity} (null = no nulls). */
    /** Whether row {@code row} is NULL in any of {@code values} (a strict function's result is then NULL). */
    public static boolean anyNull(ColumnVector[] values, int row) {
        for (ColumnVector value : values) {
            if (value.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isValid(MemorySegment validity, int row) {
        return validity == null || (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) & (1 << (row & 7))) != 0;
    }

    /** Reads rows [0, n) of an integer-like vector (INT16/INT32/INT64/BOOLEAN) widened to long. */
    public static void readLongs(ColumnVector vector, int n, long[] out) {
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(SHORT, i);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(INT, i);
                }
            }
            case INT64 -> MemorySegment.copy(values, LONG, 0, out, 0, n);
            case BOOLEAN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(ValueLayout.JAVA_BYTE, i);
                }
            }
            case INT128, FLOAT32, FLOAT64, VARIABLE -> throw new IllegalStateException(vector.type() + " is not integer-like");
        }
    }

    /**
     * Reads rows [0, n) of an integer-like or 128-bit vector as (high, low) pairs, sign-extending narrower values:
     * the input of 128-bit decimal arithmetic.
     */
    public static void readInt128(ColumnVector vector, int n, long[] high, long[] low) {
        if (vector.physicalType() == PhysicalType.INT128) {
            MemorySegment values = vector.values();
            for (int i = 0; i < n; i++) {
                low[i] = values.get(LONG, 16L * i);
                high[i] = values.get(LONG, 16L * i + 8);
            }
            return;
        }
        readLongs(vector, n, low);
        for (int i = 0; i < n; i++) {
            high[i] = low[i] >> 63;
        }
    }

    /** Writes rows [0, n) of a 128-bit vector from (high, low) pairs. */
    public static void writeInt128(ColumnVector vector, int n, long[] high, long[] low) {
        MemorySegment values = vector.values();
        for (int i = 0; i < n; i++) {
            values.set(LONG, 16L * i, low[i]);
            values.set(LONG, 16L * i + 8, high[i]);
        }
    }

    /** Reads rows [0, n) of a numeric vector as doubles (integers converted). */
    public static void readDoubles(ColumnVector vector, int n, double[] out) {
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(FLOAT, i);
                }
            }
            case FLOAT64 -> MemorySegment.copy(values, DOUBLE, 0, out, 0, n);
            case INT128 -> {
                for (int i = 0; i < n; i++) {
                    long low = values.get(LONG, 16L * i);
                    out[i] = values.get(LONG, 16L * i + 8) * 0x1p64 + (low >>> 1) * 2.0 + (low & 1);
                }
            }
            case INT16, INT32, INT64, BOOLEAN -> {
                long[] longs = new long[n];
                readLongs(vector, n, longs);
                for (int i = 0; i < n; i++) {
                    out[i] = longs[i];
                }
            }
            case VARIABLE -> throw new IllegalStateException(vector.type() + " is not numeric");
        }
    }

    /** Writes rows [0, n) of an integer-like vector, narrowing to its width (callers check ranges first). */
    public static void writeLongs(ColumnVector vector, int n, long[] in) {
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    values.setAtIndex(SHORT, i, (short) in[i]);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    values.setAtIndex(INT, i, (int) in[i]);
                }
            }
            case INT64 -> MemorySegment.copy(in, 0, values, LONG, 0, n);
            case BOOLEAN -> {
                for (int i = 0; i < n; i++) {
                    values.set(ValueLayout.JAVA_BYTE, i, in[i] != 0 ? (byte) 1 : 0);
                }
            }
            case INT128, FLOAT32, FLOAT64, VARIABLE -> throw new IllegalStateException(vector.type() + " is not integer-like");
        }
    }

    public static void writeDoubles(ColumnVector vector, int n, double[] in) {
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    values.setAtIndex(FLOAT, i, (float) in[i]);
                }
            }
            case FLOAT64 -> MemorySegment.copy(in, 0, values, DOUBLE, 0, n);
            case INT16, INT32, INT64, INT128, BOOLEAN, VARIABLE ->
                    throw new IllegalStateException(vector.type() + " is not a float type");
        }
    }

    /** Sets {@code out}'s validity to the AND of the given dense vectors' validity over rows [0, n). */
    public static void intersectValidity(ColumnVector out, int n, ColumnVector... inputs) {
        boolean any = false;
        for (ColumnVector input : inputs) {
            any |= input.hasNulls();
        }
        if (!any) {
            return;
        }
        long words = (n + 63L) >>> 6;
        MemorySegment target = out.validity();
        for (long w = 0; w < words; w++) {
            long bits = -1L;
            for (ColumnVector input : inputs) {
                if (input.hasNulls()) {
                    bits &= input.validity().getAtIndex(LONG, w);
                }
            }
            target.setAtIndex(LONG, w, bits);
        }
        out.setHasNulls(true);
    }

    /**
     * Copies {@code n} rows of {@code source} into rows [outStart, outStart + n) of {@code out}: row i comes from
     * physical row {@code rows[i]}, or row i itself when {@code rows} is null. Strings must be appended in order.
     */
    public static void gather(ColumnVector source, int[] rows, int n, ColumnVector out, int outStart) {
        PhysicalType physical = source.physicalType();
        if (physical == PhysicalType.VARIABLE) {
            gatherStrings(source, rows, n, out, outStart);
            return;
        }
        int width = physical.byteWidth();
        MemorySegment from = source.values();
        MemorySegment to = out.values();
        if (rows == null) {
            MemorySegment.copy(from, 0, to, (long) outStart * width, (long) n * width);
        } else {
            switch (physical) {
                case INT16 -> {
                    for (int i = 0; i < n; i++) {
                        to.setAtIndex(SHORT, outStart + i, from.getAtIndex(SHORT, rows[i]));
                    }
                }
                case INT32, FLOAT32 -> {
                    for (int i = 0; i < n; i++) {
                        to.setAtIndex(INT, outStart + i, from.getAtIndex(INT, rows[i]));
                    }
                }
                case INT64, FLOAT64 -> {
                    for (int i = 0; i < n; i++) {
                        to.setAtIndex(LONG, outStart + i, from.getAtIndex(LONG, rows[i]));
                    }
                }
                case BOOLEAN -> {
                    for (int i = 0; i < n; i++) {
                        to.set(ValueLayout.JAVA_BYTE, outStart + i, from.get(ValueLayout.JAVA_BYTE, rows[i]));
                    }
                }
                case INT128 -> {
                    for (int i = 0; i < n; i++) {
                        MemorySegment.copy(from, 16L * rows[i], to, 16L * (outStart + i), 16);
                    }
                }
                case VARIABLE -> throw new AssertionError();
            }
        }
        if (source.hasNulls()) {
            for (int i = 0; i < n; i++) {
                if (source.isNull(rows == null ? i : rows[i])) {
                    out.setNull(outStart + i);
                }
            }
        }
    }

    private static void gatherStrings(ColumnVector source, int[] rows, int n, ColumnVector out, int outStart) {
        MemorySegment offsets = source.values();
        MemorySegment data = source.data();
        for (int i = 0; i < n; i++) {
            int row = rows == null ? i : rows[i];
            if (source.isNull(row)) {
                out.setNull(outStart + i);
            } else {
                int start = offsets.getAtIndex(INT, row);
                out.setBytes(outStart + i, data, start, offsets.getAtIndex(INT, row + 1) - start);
            }
        }
    }

    /** Reads an integer-like vector at physical rows {@code rows[i]} (or i when rows is null), widened to long. */
    public static void readLongs(ColumnVector vector, int[] rows, int n, long[] out) {
        if (rows == null) {
            readLongs(vector, n, out);
            return;
        }
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(SHORT, rows[i]);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(INT, rows[i]);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(LONG, rows[i]);
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(ValueLayout.JAVA_BYTE, rows[i]);
                }
            }
            case INT128, FLOAT32, FLOAT64, VARIABLE -> throw new IllegalStateException(vector.type() + " is not integer-like");
        }
    }

    /** Reads a numeric vector at physical rows {@code rows[i]} (or i when rows is null) as doubles. */
    public static void readDoubles(ColumnVector vector, int[] rows, int n, double[] out) {
        if (rows == null) {
            readDoubles(vector, n, out);
            return;
        }
        MemorySegment values = vector.values();
        switch (vector.physicalType()) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(FLOAT, rows[i]);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = values.getAtIndex(DOUBLE, rows[i]);
                }
            }
            case INT128 -> {
                for (int i = 0; i < n; i++) {
                    long low = values.get(LONG, 16L * rows[i]);
                    out[i] = values.get(LONG, 16L * rows[i] + 8) * 0x1p64 + (low >>> 1) * 2.0 + (low & 1);
                }
            }
            case INT16, INT32, INT64, BOOLEAN -> {
                long[] longs = new long[n];
                readLongs(vector, rows, n, longs);
                for (int i = 0; i < n; i++) {
                    out[i] = longs[i];
                }
            }
            case VARIABLE -> throw new IllegalStateException(vector.type() + " is not numeric");
        }
    }
}
