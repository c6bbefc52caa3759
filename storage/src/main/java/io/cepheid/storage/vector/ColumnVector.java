package io.cepheid.storage.vector;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One column of a batch in Arrow's layout, off-heap: a validity bitmap (bit i set = row i is not null,
 * least significant bit first), a values buffer (fixed-width values, or {@code capacity + 1} int32
 * offsets for strings) and, for strings, a data buffer of UTF-8 bytes.
 *
 * <p>{@link #hasNulls()} false means every row is valid whatever the bitmap holds, so kernels can skip
 * the bitmap; the bitmap starts all-valid. Strings must be written in row order (Arrow's offsets rule).
 * Accessors here are for cold paths (results, tests); hot loops read the segments directly.
 */
public final class ColumnVector implements AutoCloseable {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final BufferAllocator allocator;
    private final SqlType type;
    private final PhysicalType physicalType;
    private final int capacity;
    private MemorySegment validity;
    private MemorySegment values;
    private MemorySegment data;
    private boolean hasNulls;
    /** For strings: bytes used in {@link #data}. */
    private long dataEnd;

    private ColumnVector(BufferAllocator allocator, SqlType type, int capacity) {
        this.allocator = Objects.requireNonNull(allocator, "allocator is null");
        this.type = Objects.requireNonNull(type, "type is null");
        this.physicalType = type.physicalType();
        this.capacity = capacity;
        long valueBytes = physicalType == PhysicalType.VARIABLE
                ? 4L * (capacity + 1)
                : (long) physicalType.byteWidth() * Math.max(capacity, 1);
        try {
            this.validity = allocator.allocate(validityBytes(capacity));
            this.values = allocator.allocate(valueBytes);
            if (physicalType == PhysicalType.VARIABLE) {
                this.data = allocator.allocate(Math.max(64L, 16L * capacity));
                values.set(INT, 0, 0);
            }
        } catch (RuntimeException e) {
            // Over the memory limit half-way: give back what was already taken, or the query leaks it.
            allocator.free(validity);
            allocator.free(values);
            throw e;
        }
        validity.fill((byte) 0xFF);
    }

    public static ColumnVector allocate(BufferAllocator allocator, SqlType type, int capacity) {
        return new ColumnVector(allocator, type, capacity);
    }

    public static long validityBytes(int capacity) {
        return Math.max(8L, ((capacity + 63L) >>> 6) << 3);
    }

    public SqlType type() {
        return type;
    }

    public PhysicalType physicalType() {
        return physicalType;
    }

    public int capacity() {
        return capacity;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** Fixed-width values, or the int32 offsets of a string column. */
    public MemorySegment values() {
        return values;
    }

    public MemorySegment validity() {
        return validity;
    }

    /** The validity bitmap if any row may be null, else null: what kernels take. */
    public MemorySegment validityOrNull() {
        return hasNulls ? validity : null;
    }

    /** String bytes; null for fixed-width columns. */
    public MemorySegment data() {
        return data;
    }

    public boolean hasNulls() {
        return hasNulls;
    }

    /** Marks that the bitmap may hold nulls (after a kernel wrote the bitmap directly). */
    public void setHasNulls(boolean hasNulls) {
        this.hasNulls = hasNulls;
    }

    /** Makes the vector empty again for reuse: all rows valid, no string bytes. */
    public void reset() {
        if (hasNulls) {
            validity.fill((byte) 0xFF);
            hasNulls = false;
        }
        dataEnd = 0;
    }

    public boolean isNull(int row) {
        return hasNulls && (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) & (1 << (row & 7))) == 0;
    }

    public void setNull(int row) {
        long index = row >>> 3;
        validity.set(ValueLayout.JAVA_BYTE, index, (byte) (validity.get(ValueLayout.JAVA_BYTE, index) & ~(1 << (row & 7))));
        hasNulls = true;
        if (physicalType == PhysicalType.VARIABLE) {
            setBytesEnd(row, 0);
        } else {
            // Defined contents under nulls keep encodings and hashes deterministic.
            MemorySegment.copy(ZEROS, 0, values, (long) row * physicalType.byteWidth(), physicalType.byteWidth());
        }
    }

    private static final MemorySegment ZEROS = MemorySegment.ofArray(new byte[16]);

    private void markValid(int row) {
        if (hasNulls) {
            long index = row >>> 3;
            validity.set(ValueLayout.JAVA_BYTE, index, (byte) (validity.get(ValueLayout.JAVA_BYTE, index) | (1 << (row & 7))));
        }
    }

    public short getShort(int row) {
        return values.getAtIndex(SHORT, row);
    }

    public int getInt(int row) {
        return values.getAtIndex(INT, row);
    }

    public long getLong(int row) {
        return values.getAtIndex(LONG, row);
    }

    public float getFloat(int row) {
        return values.getAtIndex(FLOAT, row);
    }

    public double getDouble(int row) {
        return values.getAtIndex(DOUBLE, row);
    }

    /** Low 64 bits of a 128-bit value (Arrow's Decimal128 keeps them first). */
    public long getLow(int row) {
        return values.get(LONG, (long) row << 4);
    }

    /** High 64 bits (sign included) of a 128-bit value. */
    public long getHigh(int row) {
        return values.get(LONG, ((long) row << 4) + 8);
    }

    public void setInt128(int row, long high, long low) {
        values.set(LONG, (long) row << 4, low);
        values.set(LONG, ((long) row << 4) + 8, high);
        markValid(row);
    }

    /** The unscaled value of a DECIMAL of either width: cold paths only. */
    public BigInteger getUnscaled(int row) {
        return physicalType == PhysicalType.INT128
                ? Int128.toBigInteger(getHigh(row), getLow(row))
                : BigInteger.valueOf(getLongValue(row));
    }

    public boolean getBoolean(int row) {
        return values.get(ValueLayout.JAVA_BYTE, row) != 0;
    }

    public void setShort(int row, short value) {
        values.setAtIndex(SHORT, row, value);
        markValid(row);
    }

    public void setInt(int row, int value) {
        values.setAtIndex(INT, row, value);
        markValid(row);
    }

    public void setLong(int row, long value) {
        values.setAtIndex(LONG, row, value);
        markValid(row);
    }

    public void setFloat(int row, float value) {
        values.setAtIndex(FLOAT, row, value);
        markValid(row);
    }

    public void setDouble(int row, double value) {
        values.setAtIndex(DOUBLE, row, value);
        markValid(row);
    }

    public void setBoolean(int row, boolean value) {
        values.set(ValueLayout.JAVA_BYTE, row, value ? (byte) 1 : 0);
        markValid(row);
    }

    /**
     * Reads any fixed-width integer-like value (SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP,
     * BOOLEAN) widened to long.
     */
    public long getLongValue(int row) {
        return switch (physicalType) {
            case INT16 -> getShort(row);
            case INT32 -> getInt(row);
            case INT64 -> getLong(row);
            case BOOLEAN -> values.get(ValueLayout.JAVA_BYTE, row);
            case INT128, FLOAT32, FLOAT64, VARIABLE -> throw new IllegalStateException(type + " is not an integer type");
        };
    }

    /** Writes any integer-like value, narrowing to the vector's width. */
    public void setLongValue(int row, long value) {
        switch (physicalType) {
            case INT16 -> setShort(row, (short) value);
            case INT32 -> setInt(row, (int) value);
            case INT64 -> setLong(row, value);
            case BOOLEAN -> setBoolean(row, value != 0);
            case INT128 -> setInt128(row, value >> 63, value);
            case FLOAT32, FLOAT64, VARIABLE -> throw new IllegalStateException(type + " is not an integer type");
        }
    }

    // ---- strings -------------------------------------------------------------------------------

    public int getOffset(int row) {
        return values.getAtIndex(INT, row);
    }

    public int getByteLength(int row) {
        return values.getAtIndex(INT, row + 1) - values.getAtIndex(INT, row);
    }

    public byte[] getBytes(int row) {
        int start = getOffset(row);
        int end = values.getAtIndex(INT, row + 1);
        byte[] bytes = new byte[end - start];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, bytes, 0, bytes.length);
        return bytes;
    }

    public String getString(int row) {
        return new String(getBytes(row), StandardCharsets.UTF_8);
    }

    /** Appends string bytes for {@code row}; rows must be written in order 0, 1, 2, ... */
    public void setBytes(int row, byte[] bytes, int offset, int length) {
        long start = ensureData(row, length);
        MemorySegment.copy(bytes, offset, data, ValueLayout.JAVA_BYTE, start, length);
        setBytesEnd(row, length);
        markValid(row);
    }

    public void setBytes(int row, byte[] bytes) {
        setBytes(row, bytes, 0, bytes.length);
    }

    public void setBytes(int row, MemorySegment source, long offset, int length) {
        long start = ensureData(row, length);
        MemorySegment.copy(source, offset, data, start, length);
        setBytesEnd(row, length);
        markValid(row);
    }

    public void setString(int row, String value) {
        setBytes(row, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of string data written so far. */
    public long dataSize() {
        return dataEnd;
    }

    /** Makes room for {@code bytes} more string bytes and returns where row {@code row}'s bytes start. */
    public long ensureData(int row, long bytes) {
        long start = row == 0 ? 0 : values.getAtIndex(INT, row);
        long needed = start + bytes;
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalStateException("string data of one vector exceeds 2 GiB");
        }
        if (needed > data.byteSize()) {
            long grown = Math.max(needed, data.byteSize() * 2);
            data = allocator.reallocate(data, start, grown);
        }
        return start;
    }

    /** Sets the end offset of {@code row} to its start plus {@code length} (after bytes were written). */
    public void setBytesEnd(int row, int length) {
        int start = row == 0 ? 0 : values.getAtIndex(INT, row);
        if (row == 0) {
            values.setAtIndex(INT, 0, 0);
        }
        values.setAtIndex(INT, row + 1, start + length);
        dataEnd = start + length;
    }

    // ---- copying -------------------------------------------------------------------------------

    /** Copies row {@code sourceRow} of {@code source} (same physical type) to row {@code row} of this vector. */
    public void copyRow(ColumnVector source, int sourceRow, int row) {
        if (source.isNull(sourceRow)) {
            setNull(row);
            return;
        }
        if (physicalType == PhysicalType.VARIABLE) {
            setBytes(row, source.data, source.getOffset(sourceRow), source.getByteLength(sourceRow));
        } else {
            int width = physicalType.byteWidth();
            MemorySegment.copy(source.values, (long) sourceRow * width, values, (long) row * width, width);
            markValid(row);
        }
    }

    /**
     * Reads the value at {@code row} as a Java object (null, Long, Double, Boolean, String; BigInteger for an
     * unscaled 128-bit DECIMAL): cold paths only.
     */
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        return switch (physicalType) {
            case INT16, INT32, INT64 -> getLongValue(row);
            case INT128 -> getUnscaled(row);
            case FLOAT32 -> (double) getFloat(row);
            case FLOAT64 -> getDouble(row);
            case BOOLEAN -> getBoolean(row);
            case VARIABLE -> getString(row);
        };
    }

    @Override
    public void close() {
        allocator.free(validity);
        allocator.free(values);
        allocator.free(data);
        validity = null;
        values = null;
        data = null;
    }
}
