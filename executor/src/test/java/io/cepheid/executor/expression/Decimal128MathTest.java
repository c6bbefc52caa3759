package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.Int128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 128-bit decimal arithmetic against BigInteger/BigDecimal: random operands and the edges at 10^38 - 1. */
class Decimal128MathTest {
    private static final BigInteger MAX_38 = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
    private static final BigInteger LIMIT_128 = BigInteger.ONE.shiftLeft(127);

    private static BigInteger random(Random random) {
        int digits = 1 + random.nextInt(38);
        BigInteger value = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        return random.nextBoolean() ? value.negate() : value;
    }

    private static BigInteger get(long[] h, long[] l) {
        return Int128.toBigInteger(h[0], l[0]);
    }

    private static long[][] pair(BigInteger value) {
        return new long[][] {{Int128.high(value)}, {Int128.low(value)}};
    }

    private static boolean fits(BigInteger value) {
        return value.compareTo(LIMIT_128.negate()) >= 0 && value.compareTo(LIMIT_128) < 0;
    }

    @Test
    void addAndMultiplyMatchBigIntegerOrOverflow() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = random(random);
            BigInteger b = i % 3 == 0 ? BigInteger.valueOf(random.nextLong()) : random(random);
            long[][] x = pair(a);
            if (fits(a.add(b))) {
                Decimal128Math.add(x[0], x[1], 0, Int128.high(b), Int128.low(b));
                assertEquals(a.add(b), get(x[0], x[1]));
            } else {
                assertThrows(CepheidException.class, () -> Decimal128Math.add(x[0], x[1], 0, Int128.high(b), Int128.low(b)));
            }
            long[][] y = pair(a);
            BigInteger product = a.multiply(b);
            if (fits(product)) {
                Decimal128Math.multiply(y[0], y[1], 0, Int128.high(b), Int128.low(b));
                assertEquals(product, get(y[0], y[1]), a + " * " + b);
            } else {
                assertThrows(CepheidException.class, () -> Decimal128Math.multiply(y[0], y[1], 0, Int128.high(b), Int128.low(b)));
            }
        }
    }

    @Test
    void scaleDownRoundsHalfAwayFromZero() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = random(random);
            int exponent = 1 + random.nextInt(38);
            long[][] x = pair(a);
            Decimal128Math.scaleDown(x[0], x[1], 0, exponent);
            BigInteger expected = new BigDecimal(a).movePointLeft(exponent).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
            assertEquals(expected, get(x[0], x[1]), a + " / 10^" + exponent);
        }
        long[][] half = pair(BigInteger.valueOf(-25));
        Decimal128Math.scaleDown(half[0], half[1], 0, 1);
        assertEquals(BigInteger.valueOf(-3), get(half[0], half[1]));
    }

    @Test
    void precisionEdgesAt38Digits() {
        Decimal128Math.checkPrecision(Int128.high(MAX_38), Int128.low(MAX_38), 38, 0);
        Decimal128Math.checkPrecision(Int128.high(MAX_38.negate()), Int128.low(MAX_38.negate()), 38, 0);
        BigInteger over = MAX_38.add(BigInteger.ONE);
        assertEquals("22003", assertThrows(CepheidException.class,
                () -> Decimal128Math.checkPrecision(Int128.high(over), Int128.low(over), 38, 0)).sqlState());
        assertThrows(CepheidException.class,
                () -> Decimal128Math.checkPrecision(Int128.high(over.negate()), Int128.low(over.negate()), 38, 0));
        // 10^38 is over the precision; (10^38 - 1) * 2 is past 2^127 (about 1.7 * 10^38) and overflows 128 bits.
        long[][] sum = pair(MAX_38);
        Decimal128Math.add(sum[0], sum[1], 0, Int128.high(BigInteger.ONE), Int128.low(BigInteger.ONE));
        assertThrows(CepheidException.class, () -> Decimal128Math.checkPrecision(sum[0][0], sum[1][0], 38, 0));
        long[][] twice = pair(MAX_38);
        assertThrows(CepheidException.class, () -> Decimal128Math.add(twice[0], twice[1], 0, Int128.high(MAX_38), Int128.low(MAX_38)));
        long[][] fitting = pair(BigInteger.TEN.pow(20));
        Decimal128Math.scaleUp(fitting[0], fitting[1], 0, 18);
        assertEquals(BigInteger.TEN.pow(38), get(fitting[0], fitting[1]));
        long[][] scaled = pair(BigInteger.TEN.pow(21));
        assertThrows(CepheidException.class, () -> Decimal128Math.scaleUp(scaled[0], scaled[1], 0, 18));
    }

    @Test
    void divisionByZeroIs22012() {
        assertEquals("22012", assertThrows(CepheidException.class,
                () -> Decimal128Math.divide(BigInteger.ONE, 0, BigInteger.ZERO, 0, 4)).sqlState());
        assertEquals(new BigInteger("3333333333"), Decimal128Math.divide(BigInteger.valueOf(1000), 2, BigInteger.valueOf(300), 2, 9));
    }
}
