package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** TIMESTAMPTZ and TIME columns through the driver: types, getTime, getTimestamp, getString. */
class DatetimeTypesTest {
    @Test
    void timestampTzAndTimeColumns() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:cepheid:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE c (at TIMESTAMPTZ, t TIME)");
            statement.execute("INSERT INTO c VALUES ('2024-02-29 23:30:00.5+02', '07:08:09'), (NULL, NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT at, t FROM c ORDER BY at")) {
                ResultSetMetaData meta = rows.getMetaData();
                assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, meta.getColumnType(1));
                assertEquals("timestamptz", meta.getColumnTypeName(1));
                assertEquals(Types.TIME, meta.getColumnType(2));
                rows.next();
                assertEquals("2024-02-29 21:30:00.5+00", rows.getString(1));
                assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 21, 30, 0, 500_000_000)), rows.getTimestamp(1));
                assertEquals(Time.valueOf(LocalTime.of(21, 30)), rows.getTime(1));
                assertEquals("07:08:09", rows.getString(2));
                assertEquals(Time.valueOf(LocalTime.of(7, 8, 9)), rows.getTime(2));
                assertEquals(Time.valueOf(LocalTime.of(7, 8, 9)), rows.getObject(2));
                assertThrows(SQLException.class, () -> rows.getTimestamp(2));
                assertThrows(SQLException.class, () -> rows.getLong(2));
                rows.next();
                assertNull(rows.getTime(2));
                assertNull(rows.getTimestamp(1));
            }
        }
    }
}
