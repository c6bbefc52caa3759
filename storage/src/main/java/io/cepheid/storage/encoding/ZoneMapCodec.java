package io.cepheid.storage.encoding;

import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** Computes zone maps over vector ranges and (de)serializes them in block headers. */
final class ZoneMapCodec {
    /** Longest string prefix kept in a zone map. */
    static final int MAX_STRING_BOUND = 32;

    private ZoneMapCodec() {
    }

    static ZoneMap compute(SqlType type, ColumnVector vector, int offset, int count) {
        boolean any = false;
        switch (type.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = offset; i < offset + count; i++) {
                    if (!vector.isNull(i)) {
                        long v = vector.getLongValue(i);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        any = true;
                    }
                }
                return any ? new ZoneMap.LongRange(min, max) : ZoneMap.EMPTY;
            }
            case FLOAT32, FLOAT64 -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                boolean isFloat = type.physicalType() == io.cepheid.storage.type.PhysicalType.FLOAT32;
                for (int i = offset; i < offset + count; i++) {
                    if (!vector.isNull(i)) {
                        double v = isFloat ? vector.getFloat(i) : vector.getDouble(i);
                        if (Double.isNaN(v)) {
                            max = Double.NaN; // NaN sorts last in SQL; keep pruning conservative
                        } else {
                            min = Math.min(min, v);
                            if (!Double.isNaN(max)) {
                                max = Math.max(max, v);
                            }
                        }
                        any = true;
                    }
                }
                return any ? new ZoneMap.DoubleRange(min, max) : ZoneMap.EMPTY;
            }
            case VARIABLE -> {
                byte[] min = null;
                byte[] max = null;
                for (int i = offset; i < offset + count; i++) {
                    if (!vector.isNull(i)) {
                        byte[] v = vector.getBytes(i);
                        if (min == null || Arrays.compareUnsigned(v, min) < 0) {
                            min = v;
                        }
                        if (max == null || Arrays.compareUnsigned(v, max) > 0) {
                            max = v;
                        }
                    }
                }
                if (min == null) {
                    return ZoneMap.EMPTY;
                }
                return new ZoneMap.BytesRange(truncateLower(min), truncateUpper(max));
            }
        }
        throw new AssertionError();
    }

    private static byte[] truncateLower(byte[] value) {
        return value.length <= MAX_STRING_BOUND ? value : Arrays.copyOf(value, MAX_STRING_BOUND);
    }

    /** A bound at most MAX_STRING_BOUND bytes long that is >= value; null means "no upper bound". */
    private static byte[] truncateUpper(byte[] value) {
        if (value.length <= MAX_STRING_BOUND) {
            return value;
        }
        byte[] bound = Arrays.copyOf(value, MAX_STRING_BOUND);
        for (int i = bound.length - 1; i >= 0; i--) {
            if (bound[i] != (byte) 0xFF) {
                bound[i]++;
                return Arrays.copyOf(bound, i + 1);
            }
        }
        return null;
    }

    static void write(DataOutputStream out, ZoneMap zoneMap) throws IOException {
        switch (zoneMap) {
            case ZoneMap.Empty e -> out.write(0);
            case ZoneMap.LongRange r -> {
                out.write(1);
                BlockCodec.writeLongLe(out, r.min());
                BlockCodec.writeLongLe(out, r.max());
            }
            case ZoneMap.DoubleRange r -> {
                out.write(2);
                BlockCodec.writeLongLe(out, Double.doubleToRawLongBits(r.min()));
                BlockCodec.writeLongLe(out, Double.doubleToRawLongBits(r.max()));
            }
            case ZoneMap.BytesRange r -> {
                out.write(3);
                BlockCodec.writeIntLe(out, r.min().length);
                out.write(r.min());
                BlockCodec.writeIntLe(out, r.max() == null ? -1 : r.max().length);
                if (r.max() != null) {
                    out.write(r.max());
                }
            }
        }
    }

    /** Reads a zone map at {@code position[0]} and advances it. */
    static ZoneMap read(MemorySegment block, long[] position) {
        long p = position[0];
        int kind = block.get(ValueLayout.JAVA_BYTE, p++);
        ZoneMap result = switch (kind) {
            case 0 -> ZoneMap.EMPTY;
            case 1 -> {
                long min = block.get(ValueLayout.JAVA_LONG_UNALIGNED, p);
                long max = block.get(ValueLayout.JAVA_LONG_UNALIGNED, p + 8);
                p += 16;
                yield new ZoneMap.LongRange(min, max);
            }
            case 2 -> {
                double min = Double.longBitsToDouble(block.get(ValueLayout.JAVA_LONG_UNALIGNED, p));
                double max = Double.longBitsToDouble(block.get(ValueLayout.JAVA_LONG_UNALIGNED, p + 8));
                p += 16;
                yield new ZoneMap.DoubleRange(min, max);
            }
            case 3 -> {
                int minLength = block.get(ValueLayout.JAVA_INT_UNALIGNED, p);
                p += 4;
                byte[] min = block.asSlice(p, minLength).toArray(ValueLayout.JAVA_BYTE);
                p += minLength;
                int maxLength = block.get(ValueLayout.JAVA_INT_UNALIGNED, p);
                p += 4;
                byte[] max = null;
                if (maxLength >= 0) {
                    max = block.asSlice(p, maxLength).toArray(ValueLayout.JAVA_BYTE);
                    p += maxLength;
                }
                yield new ZoneMap.BytesRange(min, max);
            }
            default -> throw new IllegalStateException("corrupt block: zone map kind " + kind);
        };
        position[0] = p;
        return result;
    }
}
