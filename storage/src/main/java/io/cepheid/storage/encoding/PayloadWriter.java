package io.cepheid.storage.encoding;

import java.util.Arrays;

/** A growable little-endian byte buffer that encoders write block payloads into. */
final class PayloadWriter {
    private byte[] bytes;
    private int size;

    PayloadWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("block payload exceeds 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length)));
        }
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeShort(int value) {
        writeValue(value, 2);
    }

    void writeInt(int value) {
        writeValue(value, 4);
    }

    void writeLong(long value) {
        writeValue(value, 8);
    }

    /** Writes the low {@code width} bytes of {@code value}, least significant first. */
    void writeValue(long value, int width) {
        ensure(width);
        long v = value;
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) v;
            v >>>= 8;
        }
    }

    void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void writeBytes(byte[] source) {
        writeBytes(source, 0, source.length);
    }
}
