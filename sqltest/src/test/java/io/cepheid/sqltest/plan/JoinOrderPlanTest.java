package io.cepheid.sqltest.plan;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Join order on TPC-H q05's shape, whose join graph has a cycle (customer and supplier both join nation, and
 * each other on the nation key). Joining customer to supplier first repeats every supplier once per customer
 * of its nation, and every lineitem joined after that once per such customer (quadratic in the scale factor).
 * With declared keys the planner must reach supplier through lineitem instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinOrderPlanTest {
    private static final String Q05_SHAPE = "SELECT n_nationkey, count(*) FROM customer, orders, lineitem, supplier, nation, region"
            + " WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey"
            + " AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_code = 7"
            + " GROUP BY n_nationkey ORDER BY n_nationkey";
    private static final Pattern SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private Connection connection;

    @BeforeAll
    void create() throws SQLException {
        connection = DriverManager.getConnection("jdbc:cepheid:mem:");
        String key = "a.d * 1000 + b.d * 100 + c.d * 10 + e.d";
        String digits = " FROM digits a, digits b, digits c, digits e WHERE " + key + " < ";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE digits (d INTEGER)");
            statement.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            statement.execute("CREATE TABLE region (r_regionkey INTEGER PRIMARY KEY, r_code INTEGER)");
            statement.execute("CREATE TABLE nation (n_nationkey INTEGER PRIMARY KEY, n_regionkey INTEGER)");
            statement.execute("CREATE TABLE supplier (s_suppkey INTEGER, s_nationkey INTEGER, PRIMARY KEY (s_suppkey))");
            statement.execute("CREATE TABLE customer (c_custkey INTEGER PRIMARY KEY, c_nationkey INTEGER)");
            statement.execute("CREATE TABLE orders (o_orderkey INTEGER PRIMARY KEY, o_custkey INTEGER)");
            statement.execute("CREATE TABLE lineitem (l_orderkey INTEGER, l_linenumber INTEGER, l_suppkey INTEGER,"
                    + " PRIMARY KEY (l_orderkey, l_linenumber))");
            statement.execute("INSERT INTO region SELECT " + key + ", (" + key + ") * 7" + digits + "5");
            statement.execute("INSERT INTO nation SELECT " + key + ", (" + key + ") % 5" + digits + "25");
            statement.execute("INSERT INTO supplier SELECT " + key + ", (" + key + ") % 25" + digits + "100");
            statement.execute("INSERT INTO customer SELECT " + key + ", (" + key + ") % 25" + digits + "1000");
            statement.execute("INSERT INTO orders SELECT " + key + ", (" + key + ") % 1000" + digits + "2500");
            statement.execute("INSERT INTO lineitem SELECT o_orderkey, d, (o_orderkey * 7 + d * 31) % 100"
                    + " FROM orders, digits WHERE d < 4");
        }
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void customerMeetsSupplierOnlyAfterLineitem() throws SQLException {
        List<String> plan = column("EXPLAIN " + Q05_SHAPE);
        int joins = 0;
        for (int line = 0; line < plan.size(); line++) {
            // Join steps only, not their "Join Filter:" detail lines.
            if (!plan.get(line).contains("XN ") || !plan.get(line).contains(" Join ")) {
                continue;
            }
            joins++;
            Set<String> tables = tablesBelow(plan, line);
            if (tables.contains("customer") && tables.contains("supplier")) {
                assertTrue(tables.contains("lineitem"), "customer joined to supplier without lineitem:\n" + String.join("\n", plan));
            }
        }
        assertEquals(5, joins, String.join("\n", plan));
        // Every lineitem's supplier and customer share a nation exactly when (o * 7 + d * 31) % 25 = o % 1000 % 25.
        assertEquals(column("SELECT s_nationkey FROM lineitem, orders, customer, supplier WHERE l_orderkey = o_orderkey"
                        + " AND o_custkey = c_custkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey"
                        + " AND s_nationkey % 5 = 1 GROUP BY s_nationkey ORDER BY s_nationkey"),
                column(Q05_SHAPE));
    }

    /** The tables scanned in the subtree of the plan line {@code line} (its deeper-indented lines that follow). */
    private static Set<String> tablesBelow(List<String> plan, int line) {
        int indent = indent(plan.get(line));
        Set<String> tables = new TreeSet<>();
        for (int i = line + 1; i < plan.size() && indent(plan.get(i)) > indent; i++) {
            Matcher scan = SCAN.matcher(plan.get(i));
            if (scan.find()) {
                tables.add(scan.group(1));
            }
        }
        return tables;
    }

    private static int indent(String line) {
        int spaces = 0;
        while (spaces < line.length() && (line.charAt(spaces) == ' ' || line.charAt(spaces) == '-' || line.charAt(spaces) == '>')) {
            spaces++;
        }
        return spaces;
    }

    private List<String> column(String sql) throws SQLException {
        return QueryColumns.first(connection, sql);
    }
}
