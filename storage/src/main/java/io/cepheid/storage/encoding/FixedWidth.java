package io.cepheid.storage.encoding;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Moves fixed-width values (1, 2, 4 or 8 bytes, little-endian) between segments and {@code long}s.
 * Decoders produce values into a {@code long[]} chunk and store the chunk with one width switch, not one
 * per value.
 */
final class FixedWidth {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Values decoded per chunk: 32 KiB of longs stays in L1/L2. */
    static final int CHUNK = 4096;

    private FixedWidth() {
    }

    /** Reads a value of {@code width} bytes at {@code byteOffset}, sign-extended. */
    static long read(MemorySegment segment, long byteOffset, int width) {
        return switch (width) {
            case 1 -> segment.get(ValueLayout.JAVA_BYTE, byteOffset);
            case 2 -> segment.get(SHORT, byteOffset);
            case 4 -> segment.get(INT, byteOffset);
            case 8 -> segment.get(LONG, byteOffset);
            default -> throw new IllegalArgumentException("width " + width);
        };
    }

    /** Writes the low {@code width} bytes of {@code value} at {@code byteOffset}. */
    static void write(MemorySegment segment, long byteOffset, int width, long value) {
        switch (width) {
            case 1 -> segment.set(ValueLayout.JAVA_BYTE, byteOffset, (byte) value);
            case 2 -> segment.set(SHORT, byteOffset, (short) value);
            case 4 -> segment.set(INT, byteOffset, (int) value);
            case 8 -> segment.set(LONG, byteOffset, value);
            default -> throw new IllegalArgumentException("width " + width);
        }
    }

    /** Stores {@code source[0, count)} as {@code width}-byte values at row {@code row} of {@code target}. */
    static void storeAll(long[] source, int count, MemorySegment target, long row, int width) {
        long at = row * width;
        switch (width) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    target.set(ValueLayout.JAVA_BYTE, at + i, (byte) source[i]);
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    target.set(SHORT, at + 2L * i, (short) source[i]);
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    target.set(INT, at + 4L * i, (int) source[i]);
                }
            }
            case 8 -> MemorySegment.copy(source, 0, target, LONG, at, count);
            default -> throw new IllegalArgumentException("width " + width);
        }
    }

    /** Reads {@code count} values of {@code width} bytes from {@code byteOffset} into {@code target[0, count)}. */
    static void loadAll(MemorySegment source, long byteOffset, int width, long[] target, int count) {
        switch (width) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    target[i] = source.get(ValueLayout.JAVA_BYTE, byteOffset + i);
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    target[i] = source.get(SHORT, byteOffset + 2L * i);
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    target[i] = source.get(INT, byteOffset + 4L * i);
                }
            }
            case 8 -> MemorySegment.copy(source, LONG, byteOffset, target, 0, count);
            default -> throw new IllegalArgumentException("width " + width);
        }
    }

    /** Writes {@code value} into rows {@code [row, row + count)}. */
    static void fill(MemorySegment target, long row, int count, int width, long value) {
        long at = row * width;
        switch (width) {
            case 1 -> target.asSlice(at, count).fill((byte) value);
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    target.set(SHORT, at + 2L * i, (short) value);
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    target.set(INT, at + 4L * i, (int) value);
                }
            }
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    target.set(LONG, at + 8L * i, value);
                }
            }
            default -> throw new IllegalArgumentException("width " + width);
        }
    }
}
