package io.cepheid.bench.tpch;

import java.sql.Connection;
import java.sql.SQLException;

/** One engine under test: how to open it with a given thread count and how to load the TPC-H files into it. */
public sealed interface BenchmarkEngine permits CepheidEngine, DuckDbEngine {
    /** The name printed in the report's column header. */
    String name();

    /** Opens a fresh, empty database that uses {@code threads} threads. */
    Connection connect(int threads) throws SQLException;

    /** Creates the eight tables and loads every {@code .tbl} file into them. */
    void load(Connection connection, TpchDataFiles files) throws SQLException;

    /** A second connection to the data {@code loaded} sees, for use when {@code loaded} is stuck. */
    Connection anotherConnection(Connection loaded, int threads) throws SQLException;
}
