package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DROP TABLE, CREATE/DROP SCHEMA, CREATE/DROP VIEW and CREATE/DROP INDEX. */
class SchemaViewIndexParseTest {

    @Test
    void dropTable() {
        SqlDropTable drop = parseAs("DROP TABLE IF EXISTS a, s.b CASCADE", SqlDropTable.class);
        assertTrue(drop.ifExists());
        assertEquals(2, drop.names().size());
        assertEquals(List.of("s", "b"), ((SqlIdentifier) drop.names().get(1)).names);
        assertEquals(DropBehavior.CASCADE, drop.behavior());

        SqlDropTable plain = parseAs("DROP TABLE t1", SqlDropTable.class);
        assertFalse(plain.ifExists());
        assertEquals(DropBehavior.RESTRICT, plain.behavior());
        assertEquals(DropBehavior.RESTRICT, parseAs("DROP TABLE t RESTRICT", SqlDropTable.class).behavior());
    }

    @Test
    void schemas() {
        SqlCreateSchema create = parseAs("CREATE SCHEMA IF NOT EXISTS staging", SqlCreateSchema.class);
        assertTrue(create.ifNotExists());
        assertEquals("staging", create.name().getSimple());
        assertFalse(parseAs("CREATE SCHEMA s", SqlCreateSchema.class).ifNotExists());

        SqlDropSchema drop = parseAs("DROP SCHEMA IF EXISTS staging CASCADE", SqlDropSchema.class);
        assertTrue(drop.ifExists());
        assertEquals(DropBehavior.CASCADE, drop.behavior());
        assertEquals(DropBehavior.RESTRICT, parseAs("DROP SCHEMA s", SqlDropSchema.class).behavior());
    }

    @Test
    void views() {
        SqlCreateView view = parseAs("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t1", SqlCreateView.class);
        assertTrue(view.orReplace());
        assertEquals(2, view.columnNames().size());
        assertInstanceOf(SqlSelect.class, view.query());
        SqlCreateView plain = parseAs("CREATE VIEW view1 AS SELECT x FROM t1 WHERE x>0", SqlCreateView.class);
        assertFalse(plain.orReplace());
        assertTrue(plain.columnNames().isEmpty());
        assertFalse(plain.ifNotExists());
        assertTrue(parseAs("CREATE VIEW IF NOT EXISTS v AS SELECT 1", SqlCreateView.class).ifNotExists());

        SqlDropView drop = parseAs("DROP VIEW IF EXISTS v", SqlDropView.class);
        assertTrue(drop.ifExists());
        assertEquals("v", ((SqlIdentifier) drop.names().get(0)).getSimple());
    }

    @Test
    void indexes() {
        SqlCreateIndex index = parseAs("CREATE UNIQUE INDEX idx ON tab0 (col0 DESC, col1 ASC, col2)",
            SqlCreateIndex.class);
        assertTrue(index.unique());
        assertEquals("idx", index.name().getSimple());
        assertEquals("tab0", index.table().getSimple());
        assertEquals(3, index.columns().size());
        assertEquals(SqlKind.DESCENDING, index.columns().get(0).getKind());
        assertEquals("col0", ((SqlIdentifier) ((SqlCall) index.columns().get(0)).operand(0)).getSimple());
        assertEquals(SqlKind.IDENTIFIER, index.columns().get(1).getKind());
        assertFalse(parseAs("CREATE INDEX i ON t (a)", SqlCreateIndex.class).unique());

        SqlDropIndex drop = parseAs("DROP INDEX idx", SqlDropIndex.class);
        assertEquals("idx", drop.name().getSimple());
    }

    @Test
    void orReplaceOnlyForViews() {
        assertTrue(syntaxError("CREATE OR REPLACE SCHEMA s").contains("OR REPLACE is not allowed with CREATE SCHEMA"));
        assertTrue(syntaxError("CREATE OR REPLACE INDEX i ON t (a)")
            .contains("OR REPLACE is not allowed with CREATE INDEX"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DROP TABLE IF EXISTS a, b CASCADE",
        "CREATE SCHEMA IF NOT EXISTS s",
        "DROP SCHEMA IF EXISTS s CASCADE",
        "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t",
        "DROP VIEW IF EXISTS v",
        "CREATE UNIQUE INDEX i ON t (a DESC, b)",
        "DROP INDEX i",
    })
    void roundTrips(String sql) {
        assertRoundTrips(sql);
    }
}
