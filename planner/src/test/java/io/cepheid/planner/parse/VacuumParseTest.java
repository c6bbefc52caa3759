package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

class VacuumParseTest {
    @Test
    void everyOptionAndItsDefaults() {
        SqlVacuum plain = parseAs("vacuum", SqlVacuum.class);
        assertEquals(SqlVacuum.Mode.FULL, plain.mode());
        assertNull(plain.table());
        assertEquals(SqlVacuum.DEFAULT_THRESHOLD, plain.thresholdPercent());
        assertFalse(plain.boost());

        SqlVacuum sortOnly = parseAs("VACUUM SORT ONLY sales.orders TO 75 PERCENT BOOST", SqlVacuum.class);
        assertEquals(SqlVacuum.Mode.SORT_ONLY, sortOnly.mode());
        assertEquals("SALES.ORDERS", sortOnly.table().toString().toUpperCase(Locale.ROOT));
        assertEquals(75, sortOnly.thresholdPercent());
        assertTrue(sortOnly.boost());

        assertEquals(SqlVacuum.Mode.DELETE_ONLY, parseAs("VACUUM DELETE ONLY t", SqlVacuum.class).mode());
        assertEquals(SqlVacuum.Mode.REINDEX, parseAs("VACUUM REINDEX t", SqlVacuum.class).mode());
        assertEquals(SqlVacuum.Mode.FULL, parseAs("VACUUM FULL TO 10 PERCENT", SqlVacuum.class).mode());
        assertTrue(parseAs("VACUUM t BOOST", SqlVacuum.class).boost());
        // SORT without ONLY is a table name; VACUUM stays an ordinary word elsewhere.
        assertEquals("SORT", parseAs("VACUUM sort", SqlVacuum.class).table().toString().toUpperCase(Locale.ROOT));
        parseAs("SELECT vacuum FROM vacuum", SqlSelect.class);
    }

    @Test
    void printsBackToTheSameStatement() {
        assertEquals("VACUUM DELETE ONLY \"t\" TO 50 PERCENT BOOST", assertRoundTrips("vacuum delete only t to 50 percent boost"));
        assertEquals("VACUUM FULL", assertRoundTrips("VACUUM"));
    }

    @Test
    void malformedVacuumsAreSyntaxErrors() {
        syntaxError("VACUUM t TO 50");
        syntaxError("VACUUM t TO PERCENT");
        syntaxError("VACUUM DELETE t");
        syntaxError("VACUUM t u");
    }
}
