package io.cepheid.storage.encoding;

import java.math.BigInteger;

/**
 * The min and max of a block's non-null values, kept in its header so scans can skip it.
 * Integer-like types (including DECIMAL, DATE, TIMESTAMP, BOOLEAN) use {@link LongRange}, floats
 * {@link DoubleRange}, strings {@link BytesRange} (unsigned byte order, which is UTF-8 code point order).
 */
public sealed interface ZoneMap {
    /** Every value in the block is null (or the block is empty): no min or max. */
    record Empty() implements ZoneMap {
    }

    record LongRange(long min, long max) implements ZoneMap {
    }

    record DoubleRange(double min, double max) implements ZoneMap {
    }

    /** Bounds of a 128-bit DECIMAL block, unscaled. */
    record DecimalRange(BigInteger min, BigInteger max) implements ZoneMap {
    }

    /**
     * String bounds. {@code min} is a prefix-truncated lower bound and {@code max} an upper bound
     * (truncation rounds it up), so a value outside [min, max] is certainly not in the block.
     */
    record BytesRange(byte[] min, byte[] max) implements ZoneMap {
    }

    ZoneMap EMPTY = new Empty();
}
