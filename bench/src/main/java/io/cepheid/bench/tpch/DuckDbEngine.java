package io.cepheid.bench.tpch;

import io.trino.tpch.TpchTable;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * DuckDB in-memory ({@code jdbc:duckdb:}), the reference engine. Its {@code tpch} extension needs a
 * download, so the tables are created from the same DDL as Cepheid's and filled with {@code read_csv}.
 */
public record DuckDbEngine() implements BenchmarkEngine {
    /** The name of the extra, always empty column that dbgen's trailing {@code |} produces. */
    private static final String TRAILING_COLUMN = "dbgen_trailing_delimiter";

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public Connection connect(int threads) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
        }
        return connection;
    }

    @Override
    public void load(Connection connection, TpchDataFiles files) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SchemaScript.duckDb()) {
                statement.execute(ddl);
            }
            for (TpchTable<?> table : TpchDataFiles.tables()) {
                String name = table.getTableName();
                statement.execute("INSERT INTO " + name + " SELECT * EXCLUDE (" + TRAILING_COLUMN + ") FROM read_csv('"
                        + files.file(name) + "', delim = '|', header = false, quote = '', escape = '', columns = "
                        + columnsWithTrailingField(connection, name) + ")");
            }
        }
    }

    /** DuckDB's in-memory database lives as long as its first connection; duplicate() shares it. */
    @Override
    public Connection anotherConnection(Connection loaded, int threads) throws SQLException {
        return loaded.unwrap(DuckDBConnection.class).duplicate();
    }

    /**
     * read_csv's {@code columns} struct for {@code table}: its declared columns with their types, then one
     * VARCHAR for the empty field after the trailing delimiter, which the INSERT drops again.
     */
    private static String columnsWithTrailingField(Connection connection, String table) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet results = query.executeQuery()) {
                while (results.next()) {
                    columns.add("'" + results.getString(1) + "': '" + results.getString(2) + "'");
                }
            }
        }
        columns.add("'" + TRAILING_COLUMN + "': 'VARCHAR'");
        return columns.toString();
    }
}
