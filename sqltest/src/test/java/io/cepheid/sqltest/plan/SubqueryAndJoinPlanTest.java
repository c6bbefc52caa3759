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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end checks of the planner rewrites TPC-H needs: OR factoring into join keys and scalar subqueries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubqueryAndJoinPlanTest {
    private Connection connection;

    @BeforeAll
    void create() throws SQLException {
        connection = DriverManager.getConnection("jdbc:cepheid:mem:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (i_part INTEGER, i_qty INTEGER)");
            statement.execute("CREATE TABLE part (p_key INTEGER, p_brand VARCHAR(10))");
            statement.execute("INSERT INTO item VALUES (1, 5), (2, 15), (3, 25), (1, 30)");
            statement.execute("INSERT INTO part VALUES (1, 'A'), (2, 'B'), (3, 'A')");
        }
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    private static final String OR_OF_JOIN_BRANCHES = "SELECT count(*) FROM item, part WHERE"
            + " (p_key = i_part AND p_brand = 'A' AND i_qty < 10) OR (p_key = i_part AND p_brand = 'B' AND i_qty > 10)";

    @Test
    void joinKeyRepeatedInEveryOrBranchBecomesAHashKey() throws SQLException {
        String plan = String.join("\n", column("EXPLAIN " + OR_OF_JOIN_BRANCHES));
        assertTrue(plan.contains("Hash Join"), plan);
        assertFalse(plan.contains("Nested Loop"), plan);
        assertEquals(List.of("2"), column(OR_OF_JOIN_BRANCHES));
    }

    @Test
    void scalarSubqueryGivesItsOneValue() throws SQLException {
        assertEquals(List.of("3"), column("SELECT i_part FROM item WHERE i_qty = (SELECT max(i_qty) FROM item WHERE i_part = 3)"));
        assertEquals(List.of("B"), column("SELECT (SELECT p_brand FROM part WHERE p_key = 2)"));
    }

    @Test
    void scalarSubqueryWithTwoRowsIsACardinalityViolation() {
        SQLException error = assertThrows(SQLException.class,
                () -> column("SELECT (SELECT p_brand FROM part WHERE p_brand = 'A')"));
        assertEquals("21000", error.getSQLState());
    }

    private List<String> column(String sql) throws SQLException {
        return QueryColumns.first(connection, sql);
    }
}
