package io.cepheid.storage.type;

import java.math.BigInteger;

/**
 * Helpers for two's-complement 128-bit integers held as a (high, low) pair of longs, the unscaled values of
 * DECIMAL(19..38): ordering, and conversion to and from {@link BigInteger} for cold paths (parsing, output).
 */
public final class Int128 {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private Int128() {
    }

    /** Signed order of (aHigh, aLow) and (bHigh, bLow): negative, zero or positive. */
    public static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        return aHigh != bHigh ? Long.compare(aHigh, bHigh) : Long.compareUnsigned(aLow, bLow);
    }

    /** True when the value fits in a long: its high half is the sign extension of its low half. */
    public static boolean fitsInLong(long high, long low) {
        return high == (low >> 63);
    }

    public static BigInteger toBigInteger(long high, long low) {
        BigInteger unsignedLow = BigInteger.valueOf(low & Long.MAX_VALUE);
        if (low < 0) {
            unsignedLow = unsignedLow.setBit(63);
        }
        return BigInteger.valueOf(high).shiftLeft(64).add(unsignedLow);
    }

    /** True when {@code value} fits in 128 bits. */
    public static boolean fits(BigInteger value) {
        return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    /** The high 64 bits of a value that {@link #fits}. */
    public static long high(BigInteger value) {
        return value.shiftRight(64).longValue();
    }

    /** The low 64 bits of a value. */
    public static long low(BigInteger value) {
        return value.mod(TWO_TO_64).longValue();
    }
}
