package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatetimeFormatTest {
    private static long micros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    private static String format(String pattern, LocalDateTime t) {
        DatetimeFormat format = new DatetimeFormat(pattern);
        format.format(micros(t));
        return format.formatted();
    }

    /** Every day of 1896..2104 (leap and non-leap centuries, dates before the epoch) against java.time. */
    @Test
    void formatsLikeJavaTimeOverTwoCenturies() {
        DateTimeFormatter java = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS MMM EEE", Locale.ROOT);
        DatetimeFormat ours = new DatetimeFormat("YYYY-MM-DD HH24:MI:SS.US Mon Dy DDD J IW Q D");
        DatetimeFormat parser = new DatetimeFormat("YYYY-MM-DD HH24:MI:SS.US");
        for (LocalDate date = LocalDate.of(1896, 1, 1); date.getYear() < 2105; date = date.plusDays(1)) {
            LocalDateTime t = date.atTime(date.getDayOfMonth() % 24, date.getMonthValue() * 4, 59, 123_456_000);
            ours.format(micros(t));
            String expected = java.format(t) + String.format(Locale.ROOT, " %03d %d %02d %d %d",
                    t.getDayOfYear(), t.getLong(JulianFields.JULIAN_DAY), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    t.get(IsoFields.QUARTER_OF_YEAR), t.getDayOfWeek().getValue() % 7 + 1);
            assertEquals(expected, ours.formatted(), date.toString());
            assertEquals(micros(t), parser.parse(ours.formatted().substring(0, 26), false), date.toString());
        }
    }

    @Test
    void namesFollowTheCaseOfThePatternAndFmDropsPadding() {
        LocalDateTime t = LocalDateTime.of(2024, 5, 6, 0, 7, 8);
        assertEquals("MAY" + " ".repeat(6) + " may May", format("MONTH mon FMMonth", t));
        assertEquals("MONDAY" + " ".repeat(3) + " Monday mon", format("DAY FMDay dy", t));
        assertEquals("12:07:08 AM 5/6", format("HH12:MI:SS AM FMMM/FMDD", t));
        assertEquals("2024 Q2", format("YYYY \"Q\"Q", t));
        assertEquals("24 024 4 21", format("YY YYY Y CC", t));
        assertEquals("UTC 19", format("TZ WW", t));
    }

    @Test
    void parsesFieldsInAnyOrder() {
        assertEquals(micros(LocalDateTime.of(2024, 2, 29, 13, 5, 0)),
                new DatetimeFormat("DD Mon YY HH12:MI PM").parse("29 feb 24 01:05 pm", false));
        assertEquals(micros(LocalDateTime.of(1969, 12, 31, 0, 0, 0, 500_000_000)),
                new DatetimeFormat("YYYYMMDD SS.MS").parse("19691231 00.5", false));
        assertEquals(micros(LocalDate.of(2024, 12, 31).atStartOfDay()),
                new DatetimeFormat("YYYY-DDD").parse("2024-366", false));
        assertEquals(micros(LocalDate.of(2000, 1, 1).atStartOfDay()),
                new DatetimeFormat("J").parse(Long.toString(LocalDate.of(2000, 1, 1).getLong(JulianFields.JULIAN_DAY)), false));
        assertEquals(LocalDate.of(2001, 7, 1).toEpochDay() * 86_400_000_000L,
                new DatetimeFormat("YYYYMMDD").parse("20010631", false));
    }

    @Test
    void badTextIs22007AndOutOfRangeFieldsAre22008() {
        DatetimeFormat format = new DatetimeFormat("YYYY-MM-DD HH24:MI");
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT,
                assertThrows(CepheidException.class, () -> format.parse("2024-xx-01", false)).code());
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT,
                assertThrows(CepheidException.class, () -> format.parse("2024-01-01 10:00 junk", false)).code());
        assertEquals(ErrorCode.DATETIME_FIELD_OVERFLOW,
                assertThrows(CepheidException.class, () -> format.parse("2024-13-01 00:00", false)).code());
        assertEquals(ErrorCode.DATETIME_FIELD_OVERFLOW,
                assertThrows(CepheidException.class, () -> format.parse("2024-01-01 24:00", false)).code());
        CepheidException strict = assertThrows(CepheidException.class, () -> format.parse("2023-02-29 00:00", true));
        assertEquals(ErrorCode.DATETIME_FIELD_OVERFLOW, strict.code());
        assertEquals(true, strict.getMessage().contains("2023-02-29"), strict.getMessage());
    }

    @Test
    void monthsBetweenAndWeekdays() {
        assertEquals(1.0, CalendarFunctionEvaluator.monthsBetween(LocalDate.of(2024, 3, 31).toEpochDay(),
                LocalDate.of(2024, 2, 29).toEpochDay()));
        assertEquals(-1 - 1 / 31.0, CalendarFunctionEvaluator.monthsBetween(LocalDate.of(2024, 1, 1).toEpochDay(),
                LocalDate.of(2024, 2, 2).toEpochDay()), 1e-12);
        assertEquals(7, CalendarFunctionEvaluator.parseWeekday("Su"));
        assertEquals(2, CalendarFunctionEvaluator.parseWeekday("TUESDAY"));
        assertThrows(CepheidException.class, () -> CalendarFunctionEvaluator.parseWeekday("t"));
        assertEquals(7, CalendarFunctionEvaluator.parseWeekday("sunday"));
    }
}
