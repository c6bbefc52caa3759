package io.cepheid.storage.encoding;

import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;
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
            case INT128 -> {
                long minHigh = Long.MAX_VALUE;
                long minLow = -1;
                long maxHigh = Long.MIN_VALUE;
                long maxLow = 0;
                for (int i = offset; i < offset + count; i++) {
                    if (!vector.isNull(i)) {
                        long high = vector.getHigh(i);
                        long low = vector.getLow(i);
                        if (Int128.compare(high, low, minHigh, minLow) < 0) {
                            minHigh = high;
                            minLow = low;
                        }
                        if (Int128.compare(high, low, maxHigh, maxLow) > 0) {
                            maxHigh = high;
                            maxLow = low;
                        }
                        any = true;
                    }
                }
                return any ? new ZoneMap.DecimalRange(Int128.toBigInteger(minHigh, minLow),
                        Int128.toBigInteger(maxHigh, maxLow)) : ZoneMap.EMPTY;
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

    static void write(PayloadWriter out, ZoneMap zoneMap) {
        switch (zoneMap) {
            case ZoneMap.Empty e -> out.writeByte(0);
            case ZoneMap.LongRange r -> {
                out.writeByte(1);
                out.writeLong(r.min());
                out.writeLong(r.max());
            }
            case ZoneMap.DoubleRange r -> {
                out.writeByte(2);
                out.writeLong(Double.doubleToRawLongBits(r.min()));
                out.writeLong(Double.doubleToRawLongBits(r.max()));
            }
            case ZoneMap.DecimalRange r -> {
                out.writeByte(4);
                out.writeLong(Int128.low(r.min()));
                out.writeLong(Int128.high(r.min()));
                out.writeLong(Int128.low(r.max()));
                out.writeLong(Int128.high(r.max()));
            }
            case ZoneMap.BytesRange r -> {
                out.writeByte(3);
                out.writeInt(r.min().length);
                out.writeBytes(r.min());
                out.writeInt(r.max() == null ? -1 : r.max().length);
                if (r.max() != null) {
                    out.writeBytes(r.max());
                }
            }
        }
    }

    /** Reads a zone map at the reader's position and moves past it; a bad kind or length is DATA_CORRUPTED. */
    static ZoneMap read(PayloadReader in) {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 0 -> ZoneMap.EMPTY;
            case 1 -> {
                long min = in.readLong();
                long max = in.readLong();
                yield new ZoneMap.LongRange(min, max);
            }
            case 2 -> {
                double min = Double.longBitsToDouble(in.readLong());
                double max = Double.longBitsToDouble(in.readLong());
                yield new ZoneMap.DoubleRange(min, max);
            }
            case 3 -> {
                byte[] min = in.readBytes(in.readCount("zone map bound length", MAX_STRING_BOUND));
                int maxLength = in.readInt();
                if (maxLength < -1 || maxLength > MAX_STRING_BOUND) {
                    throw PayloadReader.corrupt("zone map bound length " + maxLength);
                }
                byte[] max = maxLength < 0 ? null : in.readBytes(maxLength);
                yield new ZoneMap.BytesRange(min, max);
            }
            case 4 -> {
                long minLow = in.readLong();
                BigInteger min = Int128.toBigInteger(in.readLong(), minLow);
                long maxLow = in.readLong();
                yield new ZoneMap.DecimalRange(min, Int128.toBigInteger(in.readLong(), maxLow));
            }
            default -> throw PayloadReader.corrupt("zone map kind " + kind);
        };
    }
}
