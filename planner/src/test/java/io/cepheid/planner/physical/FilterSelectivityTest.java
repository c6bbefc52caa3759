package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FilterSelectivityTest {
    /** Column 0: 1..1000, unique; column 1: 10 values, a fifth null; column 2: DOUBLE 0..100; column 3: none. */
    private static final IntFunction<ColumnStatistics> COLUMNS = index -> switch (index) {
        case 0 -> new ColumnStatistics("k", 0, 1000, 4, new ZoneMap.LongRange(1, 1000));
        case 1 -> new ColumnStatistics("g", 0.2, 10, 4, new ZoneMap.LongRange(0, 9));
        case 2 -> new ColumnStatistics("x", 0, 500, 8, new ZoneMap.DoubleRange(0, 100));
        default -> null;
    };
    private static final ExprSpec K = new ExprSpec.InputRef(0, SqlType.INTEGER);
    private static final ExprSpec G = new ExprSpec.InputRef(1, SqlType.INTEGER);
    private static final ExprSpec X = new ExprSpec.InputRef(2, SqlType.DOUBLE);
    private static final ExprSpec UNKNOWN = new ExprSpec.InputRef(3, SqlType.INTEGER);

    private static ExprSpec call(Function function, ExprSpec... arguments) {
        return new ExprSpec.Call(function, List.of(arguments), SqlType.BOOLEAN);
    }

    private static ExprSpec integer(long value) {
        return new ExprSpec.Literal(value, SqlType.INTEGER);
    }

    private static double of(ExprSpec condition) {
        return FilterSelectivity.of(condition, COLUMNS);
    }

    @Test
    void equalityKeepsOneDistinctValue() {
        assertEquals(0.001, of(call(Function.EQ, K, integer(5))), 1e-12);
        assertEquals(0.001, of(call(Function.EQ, integer(5), K)), 1e-12);
        assertEquals(0.08, of(call(Function.EQ, G, integer(3))), 1e-12, "(1 - 0.2) / 10");
        assertEquals(0, of(call(Function.EQ, K, integer(5000))), "outside [min, max]");
        assertEquals(0.999, of(call(Function.NE, K, integer(5))), 1e-12);
    }

    @Test
    void rangesCoverTheirShareOfMinToMax() {
        assertEquals(0.005, of(call(Function.LE, K, integer(5))), 1e-12, "1..5 of 1..1000");
        assertEquals(0.004, of(call(Function.LT, K, integer(5))), 1e-12);
        assertEquals(0.995, of(call(Function.GT, K, integer(5))), 1e-12);
        assertEquals(0.995, of(call(Function.LT, integer(5), K)), 1e-12, "5 < k is k > 5");
        assertEquals(0.25, of(call(Function.LT, X, new ExprSpec.Literal(25.0, SqlType.DOUBLE))), 1e-12);
        assertEquals(1, of(call(Function.GE, K, integer(-10))));
    }

    @Test
    void nullsAndCombinations() {
        assertEquals(0.2, of(call(Function.IS_NULL, G)), 1e-12);
        assertEquals(0.8, of(call(Function.IS_NOT_NULL, G)), 1e-12);
        assertEquals(0.08 * 0.005, of(call(Function.AND, call(Function.EQ, G, integer(3)), call(Function.LE, K, integer(5)))), 1e-12);
        assertEquals(1 - 0.92 * 0.995, of(call(Function.OR, call(Function.EQ, G, integer(3)), call(Function.LE, K, integer(5)))), 1e-12);
        assertEquals(0.995, of(call(Function.NOT, call(Function.LE, K, integer(5)))), 1e-12);
        assertEquals(0.001 * FilterSelectivity.DEFAULT, of(call(Function.AND, call(Function.EQ, K, integer(5)),
                call(Function.EQ, UNKNOWN, integer(1)))), 1e-12, "an unanalyzed column keeps the default share");
    }

    @Test
    void withoutStatisticsTheDefaultStays() {
        assertEquals(FilterSelectivity.DEFAULT, of(call(Function.EQ, UNKNOWN, integer(1))));
        assertEquals(FilterSelectivity.DEFAULT, of(call(Function.AND, call(Function.EQ, UNKNOWN, integer(1)),
                call(Function.LT, UNKNOWN, integer(7)))));
    }
}
