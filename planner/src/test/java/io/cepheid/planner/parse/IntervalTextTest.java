package io.cepheid.planner.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** PostgreSQL interval text ('1 day 3 hours') read into months and microseconds, and its place in the grammar. */
class IntervalTextTest {
    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long DAY = 24 * HOUR;

    @Test
    void unitsAbbreviationsSignsAndFractions() {
        assertEquals(new IntervalText.Value(0, 2 * HOUR), IntervalText.parse("2 hours"));
        assertEquals(new IntervalText.Value(0, DAY + 3 * HOUR + 30 * 60 * SECOND), IntervalText.parse("1 day 3 hours 30 minutes"));
        assertEquals(new IntervalText.Value(0, 14 * DAY), IntervalText.parse("2 WEEKS"));
        assertEquals(new IntervalText.Value(14, 0), IntervalText.parse("1 yr 2 mons"));
        assertEquals(new IntervalText.Value(0, -2 * HOUR), IntervalText.parse("-2h"));
        assertEquals(new IntervalText.Value(0, 90 * 60 * SECOND), IntervalText.parse("1.5 hrs"));
        assertEquals(new IntervalText.Value(0, 90 * SECOND), IntervalText.parse("90"));
        assertEquals(new IntervalText.Value(0, 1500), IntervalText.parse("1.5 ms"));
    }

    @Test
    void fractionsCarryDownAsInPostgres() {
        // 1.7 years = 20.4 months, truncated to 20; 1.5 months = 1 month 15 days.
        assertEquals(new IntervalText.Value(20, 0), IntervalText.parse("1.7 years"));
        assertEquals(new IntervalText.Value(1, 15 * DAY), IntervalText.parse("1.5 months"));
    }

    @Test
    void clockPartAndAgo() {
        assertEquals(new IntervalText.Value(0, DAY + 3 * HOUR), IntervalText.parse("1 day 03:00:00"));
        assertEquals(new IntervalText.Value(0, -30 * 60 * SECOND), IntervalText.parse("-00:30:00"));
        assertEquals(new IntervalText.Value(0, 90 * 60 * SECOND + SECOND / 2), IntervalText.parse("1:30:00.5"));
        assertEquals(new IntervalText.Value(-1, -2 * DAY), IntervalText.parse("1 month 2 days ago"));
    }

    @Test
    void badTextIs22007NamingIt() {
        for (String text : new String[] {"", "hours", "2 fortnights", "1 2", "1:2:3:4", "ago", "1 day 3"}) {
            CepheidException e = assertThrows(CepheidException.class, () -> IntervalText.parse(text), text);
            assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, e.code(), text);
            assertEquals("invalid input syntax for type interval: \"" + text + "\"", e.getMessage());
        }
    }

    @Test
    void grammarKeepsCalcitesQualifiedFormAndUnparsesTheUnqualifiedOne() {
        assertEquals("SELECT INTERVAL '2' HOUR", CepheidParser.toSql(CepheidParser.parse("select interval '2' hour")));
        SqlNode unqualified = CepheidParser.parse("select ts + interval '2 hours', '3 days'::interval, cast('1 h' as interval) from t");
        assertEquals("SELECT \"ts\" + INTERVAL '2 hours', ('3 days' :: INTERVAL), CAST('1 h' AS INTERVAL)\nFROM \"t\"",
                CepheidParser.toSql(unqualified));
    }
}
