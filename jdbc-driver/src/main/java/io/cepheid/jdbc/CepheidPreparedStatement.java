package io.cepheid.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement with {@code ?} markers whose values are bound by index and handed to the session as its
 * parameter list (null, Boolean, Short, Integer, Long, Float, Double, BigDecimal, String, LocalDate,
 * LocalDateTime). The engine parses the SQL when it runs; {@link #getMetaData()} asks it ahead of time.
 */
public final class CepheidPreparedStatement extends CepheidStatement implements PreparedStatement {
    /** Marks a parameter that was never set, so the error names it instead of binding null silently. */
    private static final Object UNSET = new Object();

    private final String sql;
    private final List<Object> parameters = new ArrayList<>();
    private final List<List<Object>> batches = new ArrayList<>();

    CepheidPreparedStatement(CepheidConnection connection, String sql) {
        super(connection);
        this.sql = sql;
    }

    private List<Object> boundParameters() throws SQLException {
        checkOpen();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == UNSET) {
                throw new SQLException("no value specified for parameter " + (i + 1), "07001");
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    private void bind(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1) {
            throw new SQLException("parameter index " + index + " is out of range (parameters start at 1)", "22023");
        }
        while (parameters.size() < index) {
            parameters.add(UNSET);
        }
        parameters.set(index - 1, value);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return runQuery(sql, boundParameters());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return saturatedInt(runUpdate(sql, boundParameters()));
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return runUpdate(sql, boundParameters());
    }

    @Override
    public boolean execute() throws SQLException {
        return run(sql, boundParameters());
    }

    @Override
    public void addBatch() throws SQLException {
        batches.add(boundParameters());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batches.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<List<Object>> work = List.copyOf(batches);
        batches.clear();
        long[] counts = new long[work.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = runUpdate(sql, work.get(i));
            } catch (SQLException e) {
                int[] done = new int[i];
                Arrays.setAll(done, j -> saturatedInt(counts[j]));
                throw new BatchUpdateException(e.getMessage(), e.getSQLState(), done, e);
            }
        }
        return counts;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] narrowed = new int[counts.length];
        Arrays.setAll(narrowed, i -> saturatedInt(counts[i]));
        return narrowed;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        parameters.clear();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new CepheidResultSetMetaData(connection.prepare(sql).columns());
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new CepheidParameterMetaData(connection.prepare(sql).parameterCount());
    }

    // ---- binding --------------------------------------------------------------------------------

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        bind(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        bind(index, null);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        bind(index, (short) value);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        bind(index, value);
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        bind(index, value == null ? null : value.toLocalDate());
    }

    /** The calendar does not matter: DATE has no time zone, the value's local date is what is bound. */
    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        setDate(index, value);
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        bind(index, value == null ? null : value.toLocalDateTime());
    }

    /** Binds the wall-clock time of {@code value} as seen in the calendar's time zone. */
    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setTimestamp(index, value);
            return;
        }
        bind(index, LocalDateTime.ofInstant(value.toInstant(), calendar.getTimeZone().toZoneId()));
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        throw SqlExceptions.unsupported("TIME parameters");
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        throw SqlExceptions.unsupported("TIME parameters");
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        bind(index, normalize(value));
    }

    /** The target type is left to the engine, which casts the parameter where the SQL uses it. */
    @Override
    public void setObject(int index, Object value, int targetSqlType) throws SQLException {
        setObject(index, value);
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, value);
    }

    /** Maps the Java types JDBC allows in setObject onto the ones {@code Session.execute} accepts. */
    static Object normalize(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case Byte b -> (short) b.byteValue();
            case Short s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Float f -> f;
            case Double d -> d;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case String s -> s;
            case Character c -> c.toString();
            case Date d -> d.toLocalDate();
            case Timestamp t -> t.toLocalDateTime();
            case LocalDate d -> d;
            case LocalDateTime t -> t;
            case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case java.util.Date d -> new Timestamp(d.getTime()).toLocalDateTime();
            default -> throw SqlExceptions.unsupported("parameters of class " + value.getClass().getName());
        };
    }

    // ---- parameter kinds Cepheid has no type for ----------------------------------------------------

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        throw SqlExceptions.unsupported("binary parameters");
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        throw SqlExceptions.unsupported("stream parameters");
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        throw SqlExceptions.unsupported("REF parameters");
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        throw SqlExceptions.unsupported("BLOB parameters");
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
        throw SqlExceptions.unsupported("BLOB parameters");
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        throw SqlExceptions.unsupported("BLOB parameters");
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        throw SqlExceptions.unsupported("CLOB parameters");
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        throw SqlExceptions.unsupported("CLOB parameters");
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        throw SqlExceptions.unsupported("CLOB parameters");
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        throw SqlExceptions.unsupported("NCLOB parameters");
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        throw SqlExceptions.unsupported("NCLOB parameters");
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        throw SqlExceptions.unsupported("NCLOB parameters");
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        throw SqlExceptions.unsupported("ARRAY parameters");
    }

    @Override
    public void setURL(int index, URL value) throws SQLException {
        throw SqlExceptions.unsupported("URL parameters");
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        throw SqlExceptions.unsupported("ROWID parameters");
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        throw SqlExceptions.unsupported("SQLXML parameters");
    }

    // ---- JDBC forbids the text-taking Statement methods on a PreparedStatement ------------------------

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textMethod();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw textMethod();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textMethod();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textMethod();
    }

    private static SQLException textMethod() {
        return new SQLException("methods taking SQL text cannot be called on a PreparedStatement", "42809");
    }
}
