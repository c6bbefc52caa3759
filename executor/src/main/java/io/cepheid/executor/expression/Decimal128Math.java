package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.Int128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact arithmetic on unscaled 128-bit decimals (DECIMAL with 19..38 digits), each held as a (high, low) pair
 * of longs in parallel arrays so that batch loops allocate nothing: {@code op(h, l, i, ...)} updates
 * {@code h[i], l[i]} in place. Addition, subtraction, multiplication and scaling up are exact with overflow as
 * SQLSTATE 22003; scaling down rounds half away from zero (PostgreSQL's numeric rounding). Division, the
 * rare case, goes through BigDecimal.
 */
public final class Decimal128Math {
    /** 10^0 .. 10^38 as (high, low) pairs. */
    private static final long[] POWER_HIGH = new long[39];
    private static final long[] POWER_LOW = new long[39];
    private static final BigInteger[] BIG_POWERS = new BigInteger[39];

    static {
        for (int i = 0; i <= 38; i++) {
            BIG_POWERS[i] = BigInteger.TEN.pow(i);
            POWER_HIGH[i] = Int128.high(BIG_POWERS[i]);
            POWER_LOW[i] = Int128.low(BIG_POWERS[i]);
        }
    }

    private Decimal128Math() {
    }

    /** (h, l) += (bh, bl); throws 22003 when the sum leaves 128 bits. */
    public static void add(long[] h, long[] l, int i, long bh, long bl) {
        long ah = h[i];
        long al = l[i];
        long low = al + bl;
        long high = ah + bh + (Long.compareUnsigned(low, al) < 0 ? 1 : 0);
        if (((ah ^ high) & (bh ^ high)) < 0) {
            throw overflow();
        }
        h[i] = high;
        l[i] = low;
    }

    /** Negates (h[i], l[i]); the 128-bit minimum never occurs because values stay below 10^38. */
    public static void negate(long[] h, long[] l, int i) {
        long low = -l[i];
        h[i] = ~h[i] + (low == 0 ? 1 : 0);
        l[i] = low;
    }

    /** (h, l) *= (bh, bl) exactly; throws 22003 when the product leaves 128 bits. */
    public static void multiply(long[] h, long[] l, int i, long bh, long bl) {
        long ah = h[i];
        long al = l[i];
        boolean negative = (ah < 0) != (bh < 0);
        if (ah < 0) {
            long low = -al;
            ah = ~ah + (low == 0 ? 1 : 0);
            al = low;
        }
        if (bh < 0) {
            long low = -bl;
            bh = ~bh + (low == 0 ? 1 : 0);
            bl = low;
        }
        if (ah != 0 && bh != 0) {
            throw overflow();
        }
        // One magnitude fits in 64 unsigned bits: (xh, xl) * y with y = that one.
        long xh = ah != 0 ? ah : bh;
        long xl = ah != 0 ? al : bl;
        long y = ah != 0 ? bl : al;
        long low = xl * y;
        long carry = Math.unsignedMultiplyHigh(xl, y);
        long midLow = xh * y;
        long midHigh = Math.unsignedMultiplyHigh(xh, y);
        long high = midLow + carry;
        if (midHigh != 0 || Long.compareUnsigned(high, midLow) < 0 || high < 0) {
            throw overflow();
        }
        h[i] = high;
        l[i] = low;
        if (negative) {
            negate(h, l, i);
        }
    }

    /** Multiplies (h[i], l[i]) by 10^exponent, exactly. */
    public static void scaleUp(long[] h, long[] l, int i, int exponent) {
        if (exponent > 0) {
            multiply(h, l, i, POWER_HIGH[exponent], POWER_LOW[exponent]);
        }
    }

    /** Divides (h[i], l[i]) by 10^exponent, rounding half away from zero. */
    public static void scaleDown(long[] h, long[] l, int i, int exponent) {
        if (exponent <= 0) {
            return;
        }
        if (exponent > 38) {
            h[i] = 0;
            l[i] = 0;
            return;
        }
        boolean negative = h[i] < 0;
        if (negative) {
            negate(h, l, i);
        }
        // round(|x| / 10^k) = (trunc(|x| / 10^(k-1)) + 5) / 10: the digit after the last kept one decides.
        int remaining = exponent - 1;
        while (remaining > 0) {
            int step = Math.min(remaining, 9);
            divideMagnitude(h, l, i, (int) DecimalMath.POWERS_OF_TEN[step]);
            remaining -= step;
        }
        long low = l[i] + 5;
        h[i] += Long.compareUnsigned(low, l[i]) < 0 ? 1 : 0;
        l[i] = low;
        divideMagnitude(h, l, i, 10);
        if (negative) {
            negate(h, l, i);
        }
    }

    /** Divides a non-negative (h[i], l[i]) by {@code divisor} (below 2^31), truncating: long division over 32-bit limbs. */
    private static void divideMagnitude(long[] h, long[] l, int i, int divisor) {
        long current = h[i] >>> 32;
        long q0 = current / divisor;
        current = ((current % divisor) << 32) | (h[i] & 0xFFFF_FFFFL);
        long q1 = current / divisor;
        current = ((current % divisor) << 32) | (l[i] >>> 32);
        long q2 = current / divisor;
        current = ((current % divisor) << 32) | (l[i] & 0xFFFF_FFFFL);
        long q3 = current / divisor;
        h[i] = (q0 << 32) | q1;
        l[i] = (q2 << 32) | q3;
    }

    /** Throws 22003 unless |(high, low)| &lt; 10^precision. */
    public static void checkPrecision(long high, long low, int precision, int scale) {
        boolean negative = high < 0;
        long mh = high;
        long ml = low;
        if (negative) {
            ml = -low;
            mh = ~high + (ml == 0 ? 1 : 0);
        }
        if (Int128.compare(mh, ml, POWER_HIGH[precision], POWER_LOW[precision]) >= 0) {
            throw DecimalMath.fieldOverflow(precision, scale);
        }
    }

    /** {@code a / b} at {@code resultScale}, rounded half away from zero; 22012 when b is zero. */
    public static BigInteger divide(BigInteger a, int s1, BigInteger b, int s2, int resultScale) {
        if (b.signum() == 0) {
            throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        BigDecimal quotient = new BigDecimal(a, s1).divide(new BigDecimal(b, s2), resultScale, RoundingMode.HALF_UP);
        return quotient.unscaledValue();
    }

    /** {@code unscaled} moved from scale {@code from} to {@code to}, rounding half away from zero. */
    public static BigInteger rescale(BigInteger unscaled, int from, int to) {
        if (from == to) {
            return unscaled;
        }
        return new BigDecimal(unscaled, from).setScale(to, RoundingMode.HALF_UP).unscaledValue();
    }

    public static BigInteger powerOfTen(int exponent) {
        return BIG_POWERS[exponent];
    }

    static CepheidException overflow() {
        return new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
    }
}
