package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatetimeFunctionTest {
    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static long micros(String timestamp) {
        LocalDateTime t = LocalDateTime.parse(timestamp);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    private static ExprSpec date(String text) {
        return lit(day(text), SqlType.DATE);
    }

    private static ExprSpec timestamp(String text) {
        return lit(micros(text), SqlType.TIMESTAMP);
    }

    private static ExprSpec part(String name) {
        return lit(name, SqlType.VARCHAR);
    }

    @Test
    void civilCalendarMatchesJavaTime() {
        for (long d = day("-0400-01-01"); d < day("2500-01-01"); d += 37) {
            LocalDate expected = LocalDate.ofEpochDay(d);
            long packed = CivilCalendar.civilFromDays(d);
            assertEquals(expected.getYear(), CivilCalendar.year(packed));
            assertEquals(expected.getMonthValue(), CivilCalendar.month(packed));
            assertEquals(expected.getDayOfMonth(), CivilCalendar.day(packed));
            assertEquals(d, CivilCalendar.daysFromCivil(expected.getYear(), expected.getMonthValue(), expected.getDayOfMonth()));
            assertEquals(expected.getDayOfWeek().getValue(), CivilCalendar.isoDayOfWeek(d));
        }
    }

    @Test
    void dayArithmeticOverColumnsWithNulls() {
        List<Object> sums = evaluate(call(Function.ADD_DAYS, SqlType.DATE, ref(0, SqlType.DATE), ref(1, SqlType.INTEGER)),
                List.of(SqlType.DATE, SqlType.INTEGER),
                List.of(row(day("2024-02-28"), 1L), row(day("2024-03-01"), -1L), row(null, 1L), row(day("2024-01-01"), null)));
        assertEquals(Arrays.asList(day("2024-02-29"), day("2024-02-29"), null, null), sums);
        assertEquals(-1L, constant(call(Function.DAYS_BETWEEN, SqlType.INTEGER, date("2023-12-31"), date("2024-01-01"))));
        assertEquals(60L, constant(call(Function.DAYS_BETWEEN, SqlType.INTEGER, date("2024-02-29"), date("2023-12-31"))));
    }

    @Test
    void monthArithmeticClampsAndAddMonthsKeepsMonthEnds() {
        assertEquals(day("2024-02-29"), constant(call(Function.DATEADD, SqlType.DATE, part("month"), lit(1L, SqlType.INTEGER), date("2024-01-31"))));
        assertEquals(day("2024-03-29"), constant(call(Function.DATEADD, SqlType.DATE, part("mon"), lit(1L, SqlType.INTEGER), date("2024-02-29"))));
        assertEquals(day("2024-03-31"), constant(call(Function.ADD_MONTHS, SqlType.DATE, date("2024-02-29"), lit(1L, SqlType.INTEGER))));
        assertEquals(day("2023-02-28"), constant(call(Function.ADD_MONTHS, SqlType.DATE, date("2024-02-29"), lit(-12L, SqlType.INTEGER))));
        assertEquals(micros("2024-02-29T10:30:15"),
                constant(call(Function.DATEADD, SqlType.TIMESTAMP, part("qtr"), lit(1L, SqlType.INTEGER), timestamp("2023-11-30T10:30:15"))));
        assertEquals(micros("2024-01-30T23:30:15"),
                constant(call(Function.DATEADD, SqlType.TIMESTAMP, part("hour"), lit(-11L, SqlType.INTEGER), timestamp("2024-01-31T10:30:15"))));
        assertEquals(micros("2024-01-01T00:00:00.000001"),
                constant(call(Function.ADD_MICROS, SqlType.TIMESTAMP, date("2024-01-01"), lit(1L, SqlType.BIGINT))));
    }

    @Test
    void dateDiffCountsBoundaries() {
        assertEquals(1L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("year"), date("2020-12-31"), date("2021-01-01"))));
        assertEquals(2L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("month"), date("2023-12-31"), timestamp("2024-02-29T23:59:59"))));
        assertEquals(60L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("day"), date("2023-12-31"), timestamp("2024-02-29T23:59:59"))));
        assertEquals(-1L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("hour"), timestamp("2024-01-01T00:00:00"), timestamp("2023-12-31T23:59:59"))));
        // 2024-01-07 is a Sunday and 2024-01-08 a Monday: one week boundary between them.
        assertEquals(1L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("week"), date("2024-01-07"), date("2024-01-08"))));
        assertEquals(0L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("week"), date("2024-01-08"), date("2024-01-14"))));
        assertEquals(52L, constant(call(Function.DATEDIFF, SqlType.BIGINT, part("week"), date("2009-01-01"), date("2009-12-31"))));
    }

    @Test
    void dateTruncAndLastDay() {
        assertEquals(micros("2024-02-01T00:00:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("month"), timestamp("2024-02-29T23:59:59"))));
        assertEquals(micros("2024-02-26T00:00:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("week"), timestamp("2024-02-29T23:59:59"))));
        assertEquals(micros("2024-01-01T00:00:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("quarter"), timestamp("2024-03-31T12:00:00"))));
        assertEquals(micros("2024-03-31T12:34:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("minute"), timestamp("2024-03-31T12:34:56.789"))));
        assertEquals(micros("2001-01-01T00:00:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("century"), timestamp("2024-03-31T12:00:00"))));
        assertEquals(micros("1901-01-01T00:00:00"), constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("century"), timestamp("2000-12-31T12:00:00"))));
        assertEquals(day("2024-02-29"), constant(call(Function.LAST_DAY, SqlType.DATE, timestamp("2024-02-01T10:00:00"))));
        assertEquals(day("2023-12-31"), constant(call(Function.LAST_DAY, SqlType.DATE, date("2023-12-01"))));
    }

    @Test
    void errorsCarrySqlStates() {
        CepheidException unknownPart = assertThrows(CepheidException.class,
                () -> constant(call(Function.DATE_TRUNC, SqlType.TIMESTAMP, part("fortnight"), date("2024-01-01"))));
        assertEquals("22023", unknownPart.sqlState());
        CepheidException overflow = assertThrows(CepheidException.class,
                () -> constant(call(Function.ADD_DAYS, SqlType.DATE, date("2024-01-01"), lit(Long.MAX_VALUE, SqlType.BIGINT))));
        assertEquals("22008", overflow.sqlState());
    }
}
