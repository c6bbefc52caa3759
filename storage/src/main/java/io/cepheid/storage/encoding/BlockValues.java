package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The values of one block as encoders see them. A null slot repeats the value before it (zero at the
 * start) for fixed-width types, so a null inside a run or a sorted sequence does not break RUNLENGTH or
 * DELTA (a zero there would turn a delta of 1 into one of -10^9 and the block RAW); decoding writes zero
 * back under nulls. Null strings are empty.
 * Fixed-width values are {@code long}s: integer-like types sign-extended, floats as their raw bits, so
 * equality is bit equality and every codec round-trips them exactly. Strings are Arrow-style offsets
 * into one byte array. 128-bit values take two longs each (low, then high), so only byte-oriented codecs
 * (RAW, LZ4, ZSTD) store them. Built once per encoded block (a load-time path, not a scan path).
 */
final class BlockValues {
    final PhysicalType type;
    final int count;
    /** Fixed-width values; null for strings. */
    final long[] fixed;
    /** String offsets, {@code count + 1} entries; null for fixed width. */
    final int[] offsets;
    /** String bytes; null for fixed width. */
    final byte[] bytes;

    private BlockValues(PhysicalType type, int count, long[] fixed, int[] offsets, byte[] bytes) {
        this.type = type;
        this.count = count;
        this.fixed = fixed;
        this.offsets = offsets;
        this.bytes = bytes;
    }

    static BlockValues of(ColumnVector vector, int offset, int count) {
        PhysicalType type = vector.physicalType();
        if (type == PhysicalType.VARIABLE) {
            int[] offsets = new int[count + 1];
            long total = 0;
            for (int i = 0; i < count; i++) {
                if (!vector.isNull(offset + i)) {
                    total += vector.getByteLength(offset + i);
                }
                if (total > Integer.MAX_VALUE - 64) {
                    throw new IllegalStateException("string bytes of one block exceed 2 GiB");
                }
                offsets[i + 1] = (int) total;
            }
            byte[] bytes = new byte[(int) total];
            for (int i = 0; i < count; i++) {
                int length = offsets[i + 1] - offsets[i];
                if (length > 0) {
                    MemorySegment.copy(vector.data(), ValueLayout.JAVA_BYTE, vector.getOffset(offset + i), bytes, offsets[i], length);
                }
            }
            return new BlockValues(type, count, null, offsets, bytes);
        }
        if (type == PhysicalType.INT128) {
            long[] pairs = new long[2 * count];
            MemorySegment.copy(vector.values(), ValueLayout.JAVA_LONG_UNALIGNED, 16L * offset, pairs, 0, 2 * count);
            if (vector.hasNulls()) {
                for (int i = 0; i < count; i++) {
                    if (vector.isNull(offset + i)) {
                        pairs[2 * i] = i == 0 ? 0 : pairs[2 * i - 2];
                        pairs[2 * i + 1] = i == 0 ? 0 : pairs[2 * i - 1];
                    }
                }
            }
            return new BlockValues(type, count, pairs, null, null);
        }
        long[] fixed = new long[count];
        int width = type.byteWidth();
        FixedWidth.loadAll(vector.values(), (long) offset * width, width, fixed, count);
        if (vector.hasNulls()) {
            for (int i = 0; i < count; i++) {
                if (vector.isNull(offset + i)) {
                    fixed[i] = i == 0 ? 0 : fixed[i - 1];
                }
            }
        }
        return new BlockValues(type, count, fixed, null, null);
    }

    boolean isString() {
        return type == PhysicalType.VARIABLE;
    }

    /** True for the types the integer encodings (DELTA, MOSTLY, AZ64) accept. */
    boolean isIntegerLike() {
        return switch (type) {
            case INT16, INT32, INT64, BOOLEAN -> true;
            case INT128, FLOAT32, FLOAT64, VARIABLE -> false;
        };
    }

    /** True for 128-bit values, which only byte-oriented codecs store. */
    boolean isWide() {
        return type == PhysicalType.INT128;
    }

    int width() {
        return type.byteWidth();
    }

    int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    boolean sameString(int a, int b) {
        return java.util.Arrays.equals(bytes, offsets[a], offsets[a + 1], bytes, offsets[b], offsets[b + 1]);
    }

    /** Writes string {@code row} as i32 length + bytes. */
    void writeString(PayloadWriter out, int row) {
        out.writeInt(length(row));
        out.writeBytes(bytes, offsets[row], length(row));
    }
}
