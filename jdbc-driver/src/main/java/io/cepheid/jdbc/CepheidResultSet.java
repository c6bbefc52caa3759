package io.cepheid.jdbc;

import io.cepheid.server.ResultColumn;
import io.cepheid.server.ResultCursor;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result over the batches of a {@link ResultCursor}: {@link #next()} walks the
 * selected rows of each batch, closing each batch once it is passed; the getters read the current row's
 * vectors and convert as {@link ColumnValues} does. Labels are matched case-insensitively, first column wins.
 */
public final class CepheidResultSet extends ReadOnlyResultSet {
    private final CepheidStatement statement;
    private final List<ResultColumn> columns;
    private final ResultCursor cursor;
    private final long maxRows;
    private final Map<String, Integer> indexByLabel = new HashMap<>();
    private Batch batch;
    /** Index of the current row among the batch's selected rows. */
    private int position = -1;
    /** The current row's index in the batch's vectors. */
    private int physicalRow;
    private long rowNumber;
    private boolean exhausted;
    private boolean closed;
    private boolean lastWasNull;
    private int fetchSize;

    /** A result owned by {@code statement} (null for catalog results), stopping after {@code maxRows} rows (0 = all). */
    CepheidResultSet(CepheidStatement statement, List<ResultColumn> columns, ResultCursor cursor, long maxRows) {
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.cursor = cursor;
        this.maxRows = maxRows;
        for (int i = columns.size() - 1; i >= 0; i--) {
            indexByLabel.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (exhausted) {
            return false;
        }
        if (maxRows > 0 && rowNumber >= maxRows) {
            finish();
            return false;
        }
        position++;
        while (batch == null || position >= batch.size()) {
            closeBatch();
            try {
                batch = cursor.next();
            } catch (RuntimeException e) {
                finish();
                throw SqlExceptions.from(e);
            }
            if (batch == null) {
                finish();
                return false;
            }
            position = 0;
        }
        physicalRow = batch.row(position);
        rowNumber++;
        return true;
    }

    /** The end of the rows: frees the last batch and closes the cursor, which stops the query if rows are left. */
    private void finish() {
        exhausted = true;
        closeBatch();
        cursor.close();
    }

    private void closeBatch() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("result set");
        }
    }

    /** The current row's vector for {@code columnIndex}, or null when the value is NULL (recorded for wasNull). */
    private ColumnVector value(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw new SQLException("column index " + columnIndex + " is out of range 1.." + columns.size(), "22023");
        }
        if (batch == null || exhausted) {
            throw new SQLException("no current row: call next() first and check that it returned true", "24000");
        }
        ColumnVector vector = batch.column(columnIndex - 1);
        lastWasNull = vector.isNull(physicalRow);
        return lastWasNull ? null : vector;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeBatch();
            cursor.close();
        } catch (RuntimeException e) {
            throw SqlExceptions.from(e);
        } finally {
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        Integer index = columnLabel == null ? null : indexByLabel.get(columnLabel.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new SQLException("the result has no column named " + columnLabel, "42703");
        }
        return index;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new CepheidResultSetMetaData(columns);
    }

    // ---- getters by index ---------------------------------------------------------------------------

    @Override
    public String getString(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : ColumnValues.toText(vector, physicalRow);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector != null && ColumnValues.toBoolean(vector, physicalRow);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : (byte) ColumnValues.toLongInRange(vector, physicalRow, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : (short) ColumnValues.toLongInRange(vector, physicalRow, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : (int) ColumnValues.toLongInRange(vector, physicalRow, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : ColumnValues.toLong(vector, physicalRow);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : (float) ColumnValues.toDouble(vector, physicalRow);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? 0 : ColumnValues.toDouble(vector, physicalRow);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : ColumnValues.toBigDecimal(vector, physicalRow);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : Date.valueOf(ColumnValues.toLocalDate(vector, physicalRow));
    }

    /** The start of the row's date in the calendar's time zone. */
    @Override
    public Date getDate(int columnIndex, Calendar calendar) throws SQLException {
        ColumnVector vector = value(columnIndex);
        if (vector == null || calendar == null) {
            return vector == null ? null : Date.valueOf(ColumnValues.toLocalDate(vector, physicalRow));
        }
        LocalDate date = ColumnValues.toLocalDate(vector, physicalRow);
        return new Date(date.atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : Timestamp.valueOf(ColumnValues.toLocalDateTime(vector, physicalRow));
    }

    /** The row's wall-clock time read in the calendar's time zone. */
    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar calendar) throws SQLException {
        ColumnVector vector = value(columnIndex);
        if (vector == null || calendar == null) {
            return vector == null ? null : Timestamp.valueOf(ColumnValues.toLocalDateTime(vector, physicalRow));
        }
        LocalDateTime dateTime = ColumnValues.toLocalDateTime(vector, physicalRow);
        return Timestamp.from(dateTime.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : ColumnValues.toObject(vector, physicalRow);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type is null", "22023");
        }
        ColumnVector vector = value(columnIndex);
        if (vector == null) {
            return null;
        }
        Object converted;
        if (type == String.class) {
            converted = ColumnValues.toText(vector, physicalRow);
        } else if (type == Integer.class) {
            converted = getInt(columnIndex);
        } else if (type == Long.class) {
            converted = ColumnValues.toLong(vector, physicalRow);
        } else if (type == Short.class) {
            converted = getShort(columnIndex);
        } else if (type == Double.class) {
            converted = ColumnValues.toDouble(vector, physicalRow);
        } else if (type == Float.class) {
            converted = (float) ColumnValues.toDouble(vector, physicalRow);
        } else if (type == BigDecimal.class) {
            converted = ColumnValues.toBigDecimal(vector, physicalRow);
        } else if (type == Boolean.class) {
            converted = ColumnValues.toBoolean(vector, physicalRow);
        } else if (type == LocalDate.class) {
            converted = ColumnValues.toLocalDate(vector, physicalRow);
        } else if (type == LocalDateTime.class) {
            converted = ColumnValues.toLocalDateTime(vector, physicalRow);
        } else if (type == Date.class) {
            converted = Date.valueOf(ColumnValues.toLocalDate(vector, physicalRow));
        } else if (type == Timestamp.class) {
            converted = Timestamp.valueOf(ColumnValues.toLocalDateTime(vector, physicalRow));
        } else if (type == Object.class) {
            converted = ColumnValues.toObject(vector, physicalRow);
        } else {
            throw SqlExceptions.unsupported("getObject as " + type.getName());
        }
        return type.cast(converted);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    // ---- getters by label -----------------------------------------------------------------------------

    @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
    @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
    @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
    @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
    @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
    @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
    @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
    @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
    @Override @Deprecated public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return getBigDecimal(findColumn(label), scale); }
    @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
    @Override public Date getDate(String label, Calendar calendar) throws SQLException { return getDate(findColumn(label), calendar); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
    @Override public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException { return getTimestamp(findColumn(label), calendar); }
    @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(findColumn(label), type); }
    @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(label)); }
    @Override public String getNString(String label) throws SQLException { return getString(findColumn(label)); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }

    // ---- value kinds Cepheid has no type for --------------------------------------------------------------

    @Override public byte[] getBytes(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("binary values"); }
    @Override public byte[] getBytes(String label) throws SQLException { throw SqlExceptions.unsupported("binary values"); }
    /** A TIME column, or the time of day of a timestamp; the calendar is ignored (the session time zone is UTC). */
    @Override
    public Time getTime(int columnIndex) throws SQLException {
        ColumnVector vector = value(columnIndex);
        return vector == null ? null : Time.valueOf(ColumnValues.toLocalTime(vector, physicalRow));
    }

    @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
    @Override public Time getTime(int columnIndex, Calendar calendar) throws SQLException { return getTime(columnIndex); }
    @Override public Time getTime(String label, Calendar calendar) throws SQLException { return getTime(findColumn(label)); }
    @Override public InputStream getAsciiStream(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override public InputStream getAsciiStream(String label) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override @Deprecated public InputStream getUnicodeStream(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override @Deprecated public InputStream getUnicodeStream(String label) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override public InputStream getBinaryStream(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override public InputStream getBinaryStream(String label) throws SQLException { throw SqlExceptions.unsupported("byte streams"); }
    @Override public Ref getRef(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("REF values"); }
    @Override public Ref getRef(String label) throws SQLException { throw SqlExceptions.unsupported("REF values"); }
    @Override public Blob getBlob(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("BLOB values"); }
    @Override public Blob getBlob(String label) throws SQLException { throw SqlExceptions.unsupported("BLOB values"); }
    @Override public Clob getClob(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("CLOB values"); }
    @Override public Clob getClob(String label) throws SQLException { throw SqlExceptions.unsupported("CLOB values"); }
    @Override public NClob getNClob(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("NCLOB values"); }
    @Override public NClob getNClob(String label) throws SQLException { throw SqlExceptions.unsupported("NCLOB values"); }
    @Override public Array getArray(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("ARRAY values"); }
    @Override public Array getArray(String label) throws SQLException { throw SqlExceptions.unsupported("ARRAY values"); }
    @Override public URL getURL(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("URL values"); }
    @Override public URL getURL(String label) throws SQLException { throw SqlExceptions.unsupported("URL values"); }
    @Override public RowId getRowId(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("ROWID values"); }
    @Override public RowId getRowId(String label) throws SQLException { throw SqlExceptions.unsupported("ROWID values"); }
    @Override public SQLXML getSQLXML(int columnIndex) throws SQLException { throw SqlExceptions.unsupported("SQLXML values"); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { throw SqlExceptions.unsupported("SQLXML values"); }
    @Override public String getCursorName() throws SQLException { throw SqlExceptions.unsupported("named cursors"); }

    // ---- position: forward only -----------------------------------------------------------------------

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !exhausted;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return rowNumber == 1 && !exhausted;
    }

    /** Would need to read ahead past the current batch, which a forward-only stream cannot promise cheaply. */
    @Override
    public boolean isLast() throws SQLException {
        throw SqlExceptions.unsupported("isLast on a forward-only result set");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return exhausted ? 0 : CepheidStatement.saturatedInt(rowNumber);
    }

    @Override public void beforeFirst() throws SQLException { throw forwardOnly(); }
    @Override public void afterLast() throws SQLException { throw forwardOnly(); }
    @Override public boolean first() throws SQLException { throw forwardOnly(); }
    @Override public boolean last() throws SQLException { throw forwardOnly(); }
    @Override public boolean absolute(int row) throws SQLException { throw forwardOnly(); }
    @Override public boolean relative(int rows) throws SQLException { throw forwardOnly(); }
    @Override public boolean previous() throws SQLException { throw forwardOnly(); }

    private static SQLException forwardOnly() {
        return new SQLException("the result set is TYPE_FORWARD_ONLY: only next() moves it", "24000");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only: rows arrive in the engine's batches. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must not be negative", "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
