package io.cepheid.storage.type;

/**
 * How a value is laid out in a vector: the byte width of one fixed-width value, or VARIABLE for
 * strings (Arrow's int32 offsets + UTF-8 data). Kernels exist once per physical type, not per SQL type.
 */
public enum PhysicalType {
    INT16(2),
    INT32(4),
    INT64(8),
    /** Two's-complement 128-bit integer, low 8 bytes first (Arrow's Decimal128): DECIMAL with 19..38 digits. */
    INT128(16),
    FLOAT32(4),
    FLOAT64(8),
    /** One byte per value, 0 or 1 (Arrow packs booleans into bits; see docs/DESIGN.md). */
    BOOLEAN(1),
    VARIABLE(4);

    private final int byteWidth;

    PhysicalType(int byteWidth) {
        this.byteWidth = byteWidth;
    }

    /** Width in bytes of one value; for VARIABLE, the width of one offset entry. */
    public int byteWidth() {
        return byteWidth;
    }
}
