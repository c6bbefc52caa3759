package io.cepheid.jdbc;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL parsing, SQLSTATE mapping and the text forms of values: the driver's pure functions. */
class ConversionTest {
    @Test
    void urlsNameTheEngineLocation() throws SQLException {
        assertEquals("mem:", CepheidUrl.parse("jdbc:cepheid:mem:").location());
        assertEquals("mem:sales", CepheidUrl.parse("jdbc:cepheid:mem:sales").location());
        assertEquals("file:/data/wh", CepheidUrl.parse("jdbc:cepheid:file:/data/wh;slices=4").location());
        assertTrue(CepheidUrl.accepts("jdbc:cepheid:anything"));
        assertFalse(CepheidUrl.accepts("jdbc:postgresql://x/y"));
        assertThrows(SQLNonTransientConnectionException.class, () -> CepheidUrl.parse("jdbc:cepheid://host:5439/dev"));
        assertThrows(SQLNonTransientConnectionException.class, () -> CepheidUrl.parse("jdbc:cepheid:ftp:x"));
    }

    @Test
    void sqlStateClassesPickTheStandardSubclass() {
        assertInstanceOf(SQLSyntaxErrorException.class, SqlExceptions.create("m", "42P01", null));
        assertInstanceOf(SQLDataException.class, SqlExceptions.create("m", "22012", null));
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, SqlExceptions.create("m", "23502", null));
        assertInstanceOf(SQLNonTransientConnectionException.class, SqlExceptions.create("m", "08006", null));
        assertInstanceOf(SQLTransactionRollbackException.class, SqlExceptions.create("m", "40001", null));
        assertInstanceOf(SQLTimeoutException.class, SqlExceptions.create("m", "57014", null));
        assertEquals(SQLException.class, SqlExceptions.create("m", "53200", null).getClass());
        SQLException fromEngine = SqlExceptions.from(new CepheidException(ErrorCode.NOT_NULL_VIOLATION, "null in id"));
        assertEquals("23502", fromEngine.getSQLState());
        assertEquals("null in id", fromEngine.getMessage());
        assertEquals("XX000", SqlExceptions.from(new IllegalStateException("boom")).getSQLState());
    }

    @Test
    void floatingPointPrintsLikePostgres() {
        assertEquals("1", ColumnValues.formatFloatingPoint(1.0, Double.toString(1.0)));
        assertEquals("-2.5", ColumnValues.formatFloatingPoint(-2.5, Double.toString(-2.5)));
        assertEquals("0.1", ColumnValues.formatFloatingPoint(0.1f, Float.toString(0.1f)), "floats print their own digits");
        assertEquals("123456789012", ColumnValues.formatFloatingPoint(123456789012.0, Double.toString(123456789012.0)));
        assertEquals("1.0E20", ColumnValues.formatFloatingPoint(1e20, Double.toString(1e20)));
        assertEquals("NaN", ColumnValues.formatFloatingPoint(Double.NaN, "NaN"));
        assertEquals("-Infinity", ColumnValues.formatFloatingPoint(Double.NEGATIVE_INFINITY, "-Infinity"));
        assertEquals("0", ColumnValues.formatFloatingPoint(0.0, "0.0"));
    }

    @Test
    void timestampsRoundTripThroughMicros() {
        LocalDateTime before1970 = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
        assertEquals(-1, ColumnValues.epochMicros(before1970));
        assertEquals(before1970, ColumnValues.localDateTime(-1));
        assertEquals("1969-12-31 23:59:59.999999", ColumnValues.formatTimestamp(before1970));
        assertEquals("2024-03-01 00:00:00", ColumnValues.formatTimestamp(LocalDateTime.of(2024, 3, 1, 0, 0)));
        assertEquals("2024-03-01 00:00:00.12", ColumnValues.formatTimestamp(LocalDateTime.of(2024, 3, 1, 0, 0, 0, 120_000_000)));
    }

    @Test
    void booleanTextFollowsPostgresLiterals() throws SQLException {
        assertTrue(ColumnValues.parseBoolean(" yes "));
        assertFalse(ColumnValues.parseBoolean("f"));
        assertThrows(SQLDataException.class, () -> ColumnValues.parseBoolean("maybe"));
    }
}
