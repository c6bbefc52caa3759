package io.cepheid.bench.tpch;

import io.trino.tpch.TpchTable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Cepheid embedded in this JVM, in memory, loaded with Redshift DDL and {@code COPY ... DELIMITER '|'}. The
 * warehouse is named so that a second connection reaches the same loaded tables.
 */
public record CepheidEngine() implements BenchmarkEngine {
    private static final String URL = "jdbc:cepheid:mem:tpch-benchmark";

    @Override
    public String name() {
        return "Cepheid";
    }

    @Override
    public Connection connect(int threads) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("slices", Integer.toString(threads));
        return DriverManager.getConnection(URL, properties);
    }

    @Override
    public void load(Connection connection, TpchDataFiles files) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SchemaScript.redshift()) {
                statement.execute(ddl);
            }
            for (TpchTable<?> table : TpchDataFiles.tables()) {
                // COPY ignores the empty field after dbgen's trailing '|', as Redshift does.
                statement.execute("COPY " + table.getTableName() + " FROM '" + files.file(table.getTableName())
                        + "' DELIMITER '|'");
            }
        }
    }

    @Override
    public Connection anotherConnection(Connection loaded, int threads) throws SQLException {
        return connect(threads);
    }
}
