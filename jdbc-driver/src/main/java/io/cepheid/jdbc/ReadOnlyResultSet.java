package io.cepheid.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The half of {@link ResultSet} that changes rows, refused as JDBC prescribes for a CONCUR_READ_ONLY result:
 * every Cepheid result set is read-only, and keeping these methods here leaves {@link CepheidResultSet} to
 * the reading half.
 */
abstract class ReadOnlyResultSet implements ResultSet {
    private static SQLException readOnly() {
        return SqlExceptions.unsupported("changing rows through a ResultSet (it is read-only)");
    }

    @Override
    public final boolean rowUpdated() throws SQLException {
        return false;
    }

    @Override
    public final boolean rowInserted() throws SQLException {
        return false;
    }

    @Override
    public final boolean rowDeleted() throws SQLException {
        return false;
    }

    @Override
    public final void updateNull(int a) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(int a, boolean b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(int a, byte b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(int a, short b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(int a, int b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(int a, long b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(int a, float b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(int a, double b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(int a, java.math.BigDecimal b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(int a, String b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(int a, byte[] b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(int a, java.sql.Date b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(int a, java.sql.Time b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(int a, java.sql.Timestamp b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int a, java.io.InputStream b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int a, java.io.InputStream b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int a, java.io.Reader b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int a, Object b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int a, Object b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNull(String a) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(String a, boolean b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(String a, byte b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(String a, short b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(String a, int b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(String a, long b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(String a, float b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(String a, double b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(String a, java.math.BigDecimal b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(String a, String b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(String a, byte[] b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(String a, java.sql.Date b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(String a, java.sql.Time b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(String a, java.sql.Timestamp b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String a, java.io.InputStream b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String a, java.io.InputStream b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String a, java.io.Reader b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String a, Object b, int c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String a, Object b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(int a, java.sql.Ref b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(String a, java.sql.Ref b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int a, java.sql.Blob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String a, java.sql.Blob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int a, java.sql.Clob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String a, java.sql.Clob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(int a, java.sql.Array b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(String a, java.sql.Array b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(int a, java.sql.RowId b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(String a, java.sql.RowId b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(int a, String b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(String a, String b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int a, java.sql.NClob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String a, java.sql.NClob b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(int a, java.sql.SQLXML b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(String a, java.sql.SQLXML b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String a, java.io.InputStream b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String a, java.io.Reader b, long c) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String a, java.io.InputStream b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String a, java.io.Reader b) throws SQLException {
        throw readOnly();
    }

}
