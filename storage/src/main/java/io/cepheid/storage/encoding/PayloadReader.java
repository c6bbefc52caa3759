package io.cepheid.storage.encoding;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A bounds-checked little-endian cursor over a block. Every read checks the bytes are there first, so a
 * truncated or corrupt block fails with DATA_CORRUPTED (SQLSTATE XX001) instead of an
 * IndexOutOfBoundsException deep inside a decoder.
 */
final class PayloadReader {
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final long limit;
    private long position;

    PayloadReader(MemorySegment segment, long position) {
        this.segment = segment;
        this.limit = segment.byteSize();
        this.position = position;
    }

    static CepheidException corrupt(String message) {
        return new CepheidException(ErrorCode.DATA_CORRUPTED, "corrupt block: " + message);
    }

    MemorySegment segment() {
        return segment;
    }

    long position() {
        return position;
    }

    long remaining() {
        return limit - position;
    }

    /** Fails unless {@code bytes} more bytes are present. */
    void require(long bytes) {
        if (bytes < 0 || bytes > limit - position) {
            throw corrupt("needs " + bytes + " bytes at offset " + position + " but the block has " + limit);
        }
    }

    /** Returns the current position and moves past {@code bytes} bytes. */
    long skip(long bytes) {
        require(bytes);
        long start = position;
        position += bytes;
        return start;
    }

    int readUnsignedByte() {
        return segment.get(ValueLayout.JAVA_BYTE, skip(1)) & 0xFF;
    }

    int readUnsignedShort() {
        return segment.get(SHORT, skip(2)) & 0xFFFF;
    }

    int readInt() {
        return segment.get(INT, skip(4));
    }

    long readLong() {
        return segment.get(LONG, skip(8));
    }

    /** Reads a non-negative int no larger than {@code max}, naming {@code what} when it is not. */
    int readCount(String what, long max) {
        int value = readInt();
        if (value < 0 || value > max) {
            throw corrupt(what + " " + value + " outside [0, " + max + "]");
        }
        return value;
    }

    /** Reads a {@code width}-byte little-endian value, sign-extended to long. */
    long readValue(int width) {
        return FixedWidth.read(segment, skip(width), width);
    }

    byte[] readBytes(int length) {
        long start = skip(length);
        return segment.asSlice(start, length).toArray(ValueLayout.JAVA_BYTE);
    }
}
