package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A constant, repeated for every selected row. */
final class LiteralEvaluator implements Evaluator {
    private final SqlType type;
    private final Object value;
    private final BufferAllocator allocator;
    private final long longValue;
    /** High half of a 128-bit DECIMAL literal ({@link #longValue} holds the low half). */
    private final long highValue;
    private final double doubleValue;
    private final byte[] bytes;

    LiteralEvaluator(Object value, SqlType type, BufferAllocator allocator) {
        this.type = type;
        this.value = value;
        this.allocator = allocator;
        boolean wide = type.physicalType() == PhysicalType.INT128;
        BigInteger unscaled = wide && value != null ? Literals.asUnscaled(value, type) : null;
        this.longValue = wide ? (unscaled == null ? 0 : Int128.low(unscaled)) : Literals.asLong(value, type);
        this.highValue = unscaled == null ? 0 : Int128.high(unscaled);
        this.doubleValue = Literals.asDouble(value, type);
        this.bytes = value == null || type.physicalType() != PhysicalType.VARIABLE ? null
                : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    Object value() {
        return value;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector out = ColumnVector.allocate(allocator, type, n);
        try {
            fill(out, n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void fill(ColumnVector out, int n) {
        if (value == null) {
            if (n > 0) {
                out.validity().fill((byte) 0);
                out.setHasNulls(true);
                if (out.physicalType() == PhysicalType.VARIABLE) {
                    out.values().asSlice(0, 4L * (n + 1)).fill((byte) 0);
                }
            }
            return;
        }
        switch (type.physicalType()) {
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out.values().setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i, (short) longValue);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out.values().setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, (int) longValue);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out.values().setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, longValue);
                }
            }
            case INT128 -> {
                for (int i = 0; i < n; i++) {
                    out.values().set(ValueLayout.JAVA_LONG_UNALIGNED, 16L * i, longValue);
                    out.values().set(ValueLayout.JAVA_LONG_UNALIGNED, 16L * i + 8, highValue);
                }
            }
            case BOOLEAN -> out.values().asSlice(0, Math.max(n, 0)).fill((byte) longValue);
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out.values().setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) doubleValue);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out.values().setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, doubleValue);
                }
            }
            case VARIABLE -> {
                for (int i = 0; i < n; i++) {
                    out.setBytes(i, bytes);
                }
            }
        }
    }
}
