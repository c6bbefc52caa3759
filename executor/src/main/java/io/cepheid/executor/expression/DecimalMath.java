package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact arithmetic on unscaled 64-bit decimals: rescaling with rounding half away from zero (PostgreSQL's
 * numeric rounding) and overflow reported as SQLSTATE 22003.
 */
public final class DecimalMath {
    /** 10^0 .. 10^18: every power that fits in a long. */
    static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalMath() {
    }

    public static long powerOfTen(int exponent) {
        if (exponent < 0 || exponent > 18) {
            throw outOfRange("10^" + exponent);
        }
        return POWERS_OF_TEN[exponent];
    }

    /** Moves {@code unscaled} from scale {@code from} to scale {@code to}, rounding half away from zero. */
    public static long rescale(long unscaled, int from, int to) {
        if (to == from) {
            return unscaled;
        }
        if (to > from) {
            return multiplyExact(unscaled, powerOfTen(to - from));
        }
        if (from - to > 18) {
            return 0;
        }
        return divideRounded(unscaled, POWERS_OF_TEN[from - to]);
    }

    /** a / b rounded half away from zero; b must not be zero. */
    public static long divideRounded(long a, long b) {
        long quotient = a / b;
        long remainder = a % b;
        if (remainder != 0 && Math.abs(remainder) >= Math.abs(b) - Math.abs(remainder)) {
            // |remainder| >= |b| / 2 without overflowing 2 * remainder.
            quotient += (a < 0) == (b < 0) ? 1 : -1;
        }
        return quotient;
    }

    public static long multiplyExact(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        throw outOfRange(a + " * " + b);
    }

    public static long addExact(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw outOfRange(a + " + " + b);
        }
        return r;
    }

    public static long subtractExact(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw outOfRange(a + " - " + b);
        }
        return r;
    }

    /** Unscaled product of two decimals at scales s1 and s2, rescaled to {@code resultScale}. */
    public static long multiply(long a, int s1, long b, int s2, int resultScale) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return rescale(low, s1 + s2, resultScale);
        }
        // The 128-bit product only fits after scaling down: rare, so BigDecimal is fine here.
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), s1 + s2);
        return toLong(exact.setScale(resultScale, RoundingMode.HALF_UP));
    }

    /** {@code a * 10^(rs - s1 + s2) / b} rounded half away from zero. */
    public static long divide(long a, int s1, long b, int s2, int resultScale) {
        if (b == 0) {
            throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        int shift = resultScale - s1 + s2;
        if (shift >= 0 && shift <= 18) {
            long high = Math.multiplyHigh(a, POWERS_OF_TEN[shift]);
            long low = a * POWERS_OF_TEN[shift];
            if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
                return divideRounded(low, b);
            }
        }
        BigDecimal numerator = new BigDecimal(BigInteger.valueOf(a)).scaleByPowerOfTen(shift);
        return toLong(numerator.divide(new BigDecimal(b), 0, RoundingMode.HALF_UP));
    }

    /** Throws 22003 unless |unscaled| &lt; 10^precision. */
    public static long checkPrecision(long unscaled, int precision, int scale) {
        if (precision < 18 && Math.abs(unscaled) >= POWERS_OF_TEN[precision]) {
            throw fieldOverflow(precision, scale);
        }
        return unscaled;
    }

    /** PostgreSQL's message for a value too large for DECIMAL(precision, scale). */
    public static CepheidException fieldOverflow(int precision, int scale) {
        return new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: a field with precision "
                + precision + ", scale " + scale + " must round to an absolute value less than 10^" + (precision - scale));
    }

    static long toLong(BigDecimal value) {
        try {
            return value.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value.toPlainString());
        }
    }

    static CepheidException outOfRange(String what) {
        return new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: " + what);
    }

    /** Formats an unscaled decimal with its scale, as PostgreSQL prints numeric: {@code -0.50}. */
    public static String format(long unscaled, int scale) {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }
}
