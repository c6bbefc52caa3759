package io.cepheid.loader.format;

import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DATEFORMAT / TIMEFORMAT patterns, 'auto', epochs and calendar checks, against java.time as the oracle. */
class DateTimeFormatTest {
    private static int date(DateTimeFormat format, String text) throws FieldParseException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return format.parseDate(bytes, 0, bytes.length, SqlType.DATE);
    }

    private static long timestamp(DateTimeFormat format, String text) throws FieldParseException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return format.parseTimestamp(bytes, 0, bytes.length, SqlType.TIMESTAMP);
    }

    private static long micros(LocalDateTime time) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
    }

    @Test
    void daysFromCivilMatchesJavaTimeOverFourCenturies() {
        for (LocalDate day = LocalDate.of(1800, 1, 1); day.getYear() < 2200; day = day.plusDays(13)) {
            assertEquals(day.toEpochDay(), DateTimeFormat.daysFromCivil(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        }
    }

    @Test
    void datePatterns() throws FieldParseException {
        long expected = LocalDate.of(2003, 3, 31).toEpochDay();
        assertEquals(expected, date(DateTimeFormat.forDates(null), "2003-03-31"));
        assertEquals(expected, date(DateTimeFormat.forDates("MM/DD/YYYY"), "03/31/2003"));
        assertEquals(expected, date(DateTimeFormat.forDates("DD.MM.YY"), "31.03.03"));
        assertEquals(expected, date(DateTimeFormat.forDates("mon-dd-yyyy"), "MAR-31-2003"));
        assertEquals(expected, date(DateTimeFormat.forDates("MONTH DD, YYYY"), "March 31, 2003"));
        assertEquals(LocalDate.of(1999, 1, 1).toEpochDay(), date(DateTimeFormat.forDates("YY-MM-DD"), "99-01-01"));
        assertEquals(LocalDate.of(1960, 2, 29).toEpochDay(), date(DateTimeFormat.forDates(null), "1960-02-29"));
        assertThrows(FieldParseException.class, () -> date(DateTimeFormat.forDates(null), "1900-02-29"));
        assertThrows(FieldParseException.class, () -> date(DateTimeFormat.forDates(null), "2003-04-31"));
        assertThrows(FieldParseException.class, () -> date(DateTimeFormat.forDates(null), "2003-03-31x"));
        assertThrows(FieldParseException.class, () -> date(DateTimeFormat.forDates("MM/DD/YYYY"), "2003-03-31"));
    }

    @Test
    void autoDates() throws FieldParseException {
        DateTimeFormat auto = DateTimeFormat.forDates("auto");
        long expected = LocalDate.of(2003, 3, 31).toEpochDay();
        for (String text : new String[] {"2003-03-31", "20030331", "03/31/2003", "2003/03/31", "31-Mar-2003",
                "March 31, 2003", "31 MAR 2003", "2003-03-31 18:45:05"}) {
            assertEquals(expected, date(auto, text), text);
        }
        assertThrows(FieldParseException.class, () -> date(auto, "yesterday"));
    }

    @Test
    void timestampsWithFractionsAndTwelveHourClock() throws FieldParseException {
        DateTimeFormat standard = DateTimeFormat.forTimestamps(null);
        assertEquals(micros(LocalDateTime.of(2003, 3, 31, 18, 45, 5, 123_456_000)), timestamp(standard, "2003-03-31 18:45:05.123456"));
        assertEquals(micros(LocalDateTime.of(2003, 3, 31, 18, 45, 5, 100_000_000)), timestamp(standard, "2003-03-31 18:45:05.1"));
        assertEquals(micros(LocalDateTime.of(2003, 3, 31, 0, 0)), timestamp(standard, "2003-03-31"));
        assertEquals(micros(LocalDateTime.of(1969, 12, 31, 23, 59, 59)), timestamp(standard, "1969-12-31 23:59:59"));
        DateTimeFormat twelve = DateTimeFormat.forTimestamps("MM.DD.YYYY HH12:MI:SS AM");
        assertEquals(micros(LocalDateTime.of(2003, 3, 31, 0, 5, 0)), timestamp(twelve, "03.31.2003 12:05:00 AM"));
        assertEquals(micros(LocalDateTime.of(2003, 3, 31, 12, 5, 0)), timestamp(twelve, "03.31.2003 12:05:00 pm"));
        assertThrows(FieldParseException.class, () -> timestamp(twelve, "03.31.2003 13:05:00 PM"));
        assertThrows(FieldParseException.class, () -> timestamp(standard, "2003-03-31 18:60:00"));
    }

    @Test
    void epochs() throws FieldParseException {
        long expected = LocalDateTime.of(2024, 1, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
        assertEquals(expected, timestamp(DateTimeFormat.forTimestamps("epochsecs"), "1706745599"));
        assertEquals(expected + 7_000, timestamp(DateTimeFormat.forTimestamps("EPOCHMILLISECS"), "1706745599007"));
        assertEquals(-1_000_000, timestamp(DateTimeFormat.forTimestamps("epochsecs"), "-1"));
        assertThrows(FieldParseException.class, () -> timestamp(DateTimeFormat.forTimestamps("epochsecs"), "12.5"));
    }
}
