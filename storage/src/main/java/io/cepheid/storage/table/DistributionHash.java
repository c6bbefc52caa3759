package io.cepheid.storage.table;

import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The stable 64-bit hash that places a DISTKEY value on a slice. It must never change: stored KEY tables
 * depend on it, and an exchange that redistributes rows to join with a KEY table without moving it
 * (DS_DIST_NONE on one side) must use the same function. Integer-like values hash their value widened to
 * long (so SMALLINT 7 and BIGINT 7 land together), floats their double bits with -0.0 folded into 0.0,
 * strings their UTF-8 bytes; NULL hashes to 0.
 */
public final class DistributionHash {
    private static final long NULL_HASH = 0;
    private static final long STRING_SEED = 0x9E3779B97F4A7C15L;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private DistributionHash() {
    }

    /** The slice a hash belongs to, treating the hash as unsigned: e.g. hash 10 of 4 slices is slice 2. */
    public static int slice(long hash, int sliceCount) {
        return (int) Long.remainderUnsigned(hash, sliceCount);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit flips about half the output bits. */
    public static long hashLong(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public static long hashDouble(double value) {
        // 0.0 == -0.0 in SQL, and every NaN is the same NaN: equal values must share a slice.
        double normalized = value == 0.0 ? 0.0 : value;
        return hashLong(Double.doubleToLongBits(normalized));
    }

    /**
     * Hash of a 128-bit value: a value that fits in a long hashes as that long, so a DECIMAL key hashes the same
     * at either width.
     */
    public static long hashInt128(long high, long low) {
        return high == (low >> 63) ? hashLong(low) : hashLong(hashLong(high) ^ low);
    }

    /** Hashes {@code length} bytes at {@code offset}: eight bytes at a time, then the tail packed into one word. */
    public static long hashBytes(MemorySegment data, long offset, int length) {
        long h = STRING_SEED ^ length;
        long position = offset;
        long end = offset + length;
        for (; position + 8 <= end; position += 8) {
            h = Long.rotateLeft(h ^ hashLong(data.get(LONG, position)), 27) * 5 + 0x52dce729L;
        }
        long tail = 0;
        for (int shift = 0; position < end; position++, shift += 8) {
            tail |= (data.get(ValueLayout.JAVA_BYTE, position) & 0xFFL) << shift;
        }
        return hashLong(h ^ hashLong(tail));
    }

    /** Hash of one row of a vector. */
    public static long hashRow(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return NULL_HASH;
        }
        return switch (vector.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> hashLong(vector.getLongValue(row));
            case INT128 -> hashInt128(vector.getHigh(row), vector.getLow(row));
            case FLOAT32 -> hashDouble(vector.getFloat(row));
            case FLOAT64 -> hashDouble(vector.getDouble(row));
            case VARIABLE -> hashBytes(vector.data(), vector.getOffset(row), vector.getByteLength(row));
        };
    }
}
