package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CREATE TABLE with Redshift column attributes, table constraints and table attributes. */
class CreateTableParseTest {

    @Test
    void columnsWithEveryAttribute() {
        SqlCreateTable create = parseAs("""
            CREATE TABLE IF NOT EXISTS sales.orders (
              id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
              customer INT4 ENCODE az64 DISTKEY REFERENCES sales.customers (id),
              placed TIMESTAMP SORTKEY ENCODE raw,
              status VARCHAR(16) DEFAULT 'new' NOT NULL,
              note TEXT NULL UNIQUE
            )""", SqlCreateTable.class);

        assertFalse(create.temporary());
        assertTrue(create.ifNotExists());
        assertEquals(List.of("sales", "orders"), create.name().names);
        List<SqlColumnDefinition> columns = create.columns();
        assertEquals(5, columns.size());

        SqlColumnDefinition id = columns.get(0);
        assertEquals("id", id.name().getSimple());
        assertEquals(SqlTypeName.BIGINT, typeName(id));
        assertEquals(new IdentitySpec(1, 1), id.identity());
        assertEquals(ColumnNullability.NOT_NULL, id.nullability());
        assertTrue(id.primaryKey());

        SqlColumnDefinition customer = columns.get(1);
        assertEquals(SqlTypeName.INTEGER, typeName(customer));
        assertEquals("AZ64", customer.encoding());
        assertTrue(customer.distKey());
        assertEquals(List.of("sales", "customers"), customer.referencedTable().names);
        assertEquals("id", customer.referencedColumn().getSimple());

        SqlColumnDefinition placed = columns.get(2);
        assertTrue(placed.sortKey());
        assertEquals("RAW", placed.encoding());
        assertFalse(placed.distKey());

        SqlColumnDefinition status = columns.get(3);
        assertEquals(SqlTypeName.VARCHAR, typeName(status));
        assertEquals(16, status.type().getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
            ? basic.getPrecision() : -2);
        assertEquals("new", ((SqlLiteral) status.defaultValue()).getValueAs(String.class));
        assertEquals(ColumnNullability.NOT_NULL, status.nullability());

        SqlColumnDefinition note = columns.get(4);
        assertEquals(ColumnNullability.NULL, note.nullability());
        assertTrue(note.unique());
        assertNull(note.defaultValue());
        assertEquals(TableAttributes.NONE, create.attributes());
    }

    @Test
    void attributesInAnyOrder() {
        SqlColumnDefinition column = parseAs(
            "CREATE TABLE t (a INT NOT NULL ENCODE zstd DEFAULT 7 SORTKEY DISTKEY)", SqlCreateTable.class)
            .columns().get(0);
        assertEquals(ColumnNullability.NOT_NULL, column.nullability());
        assertEquals("ZSTD", column.encoding());
        assertEquals(7, ((SqlLiteral) column.defaultValue()).intValue(true));
        assertTrue(column.sortKey());
        assertTrue(column.distKey());
    }

    @Test
    void identityWithNegativeStep() {
        SqlColumnDefinition column = parseAs(
            "CREATE TABLE t (a BIGINT IDENTITY(100, -5))", SqlCreateTable.class).columns().get(0);
        assertEquals(new IdentitySpec(100, -5), column.identity());
    }

    @Test
    void defaultExpression() {
        SqlColumnDefinition column = parseAs(
            "CREATE TABLE t (d DATE DEFAULT CURRENT_DATE, n INT DEFAULT 1 + 2 NOT NULL)",
            SqlCreateTable.class).columns().get(1);
        assertEquals("1 + 2", column.defaultValue().toString());
        assertEquals(ColumnNullability.NOT_NULL, column.nullability());
    }

    @Test
    void tableConstraints() {
        SqlCreateTable create = parseAs("""
            CREATE TABLE t (
              a INT, b INT, c INT,
              CONSTRAINT pk PRIMARY KEY (a, b),
              UNIQUE (c),
              FOREIGN KEY (c) REFERENCES other (x),
              FOREIGN KEY (b) REFERENCES third
            )""", SqlCreateTable.class);
        assertEquals(3, create.columns().size());
        List<SqlTableConstraint> constraints = create.constraints();
        assertEquals(4, constraints.size());

        assertEquals("pk", constraints.get(0).constraintName().getSimple());
        assertEquals(SqlTableConstraint.Kind.PRIMARY_KEY, constraints.get(0).kind());
        assertEquals(List.of("a", "b"), names(constraints.get(0).columns().getList()));

        assertNull(constraints.get(1).constraintName());
        assertEquals(SqlTableConstraint.Kind.UNIQUE, constraints.get(1).kind());

        assertEquals(SqlTableConstraint.Kind.FOREIGN_KEY, constraints.get(2).kind());
        assertEquals("other", constraints.get(2).referencedTable().getSimple());
        assertEquals(List.of("x"), names(constraints.get(2).referencedColumns().getList()));
        assertTrue(constraints.get(3).referencedColumns().isEmpty());
    }

    @Test
    void columnsNamedLikeConstraintKeywords() {
        SqlCreateTable create = parseAs(
            "CREATE TABLE t (primary INT, unique VARCHAR(3), constraint INT, key INT)", SqlCreateTable.class);
        assertEquals(List.of("primary", "unique", "constraint", "key"),
            create.columns().stream().map(c -> c.name().getSimple()).toList());
        assertTrue(create.constraints().isEmpty());
    }

    @Test
    void tableAttributes() {
        TableAttributes attributes = parseAs("""
            CREATE TEMP TABLE t (a INT, b INT)
            BACKUP NO DISTSTYLE KEY DISTKEY (a) INTERLEAVED SORTKEY (b, a) ENCODE AUTO""",
            SqlCreateTable.class).attributes();
        assertEquals(DistStyle.KEY, attributes.distStyle());
        assertEquals("a", attributes.distKey().getSimple());
        assertEquals(SortKeyStyle.INTERLEAVED, attributes.sortKeyStyle());
        assertEquals(List.of("b", "a"), names(attributes.sortKeyColumns().getList()));
        assertTrue(attributes.encodeAuto());
        assertEquals(Boolean.FALSE, attributes.backup());
        assertFalse(attributes.sortKeyAuto());
    }

    @ParameterizedTest
    @CsvSource({"EVEN,EVEN", "ALL,ALL", "AUTO,AUTO", "KEY,KEY"})
    void distStyles(String written, DistStyle expected) {
        assertEquals(expected, parseAs("CREATE TABLE t (a INT) DISTSTYLE " + written, SqlCreateTable.class)
            .attributes().distStyle());
    }

    @Test
    void sortKeyVariants() {
        TableAttributes plain = parseAs("CREATE TABLE t (a INT) SORTKEY (a)", SqlCreateTable.class).attributes();
        assertEquals(SortKeyStyle.COMPOUND, plain.sortKeyStyle());
        TableAttributes compound = parseAs("CREATE TABLE t (a INT) COMPOUND SORTKEY (a)", SqlCreateTable.class)
            .attributes();
        assertEquals(SortKeyStyle.COMPOUND, compound.sortKeyStyle());
        TableAttributes auto = parseAs("CREATE TABLE t (a INT) SORTKEY AUTO BACKUP YES", SqlCreateTable.class)
            .attributes();
        assertTrue(auto.sortKeyAuto());
        assertNull(auto.sortKeyStyle());
        assertEquals(Boolean.TRUE, auto.backup());
    }

    @Test
    void temporaryForms() {
        assertTrue(parseAs("CREATE TEMPORARY TABLE t (a INT)", SqlCreateTable.class).temporary());
        assertTrue(parseAs("CREATE LOCAL TEMP TABLE t (a INT)", SqlCreateTable.class).temporary());
    }

    @Test
    void noSpaceBeforeColumnList() {
        SqlCreateTable create = parseAs(
            "CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER, e INTEGER)", SqlCreateTable.class);
        assertEquals("t1", create.name().getSimple());
        assertEquals(5, create.columns().size());
    }

    @Test
    void attributeGivenTwiceIsAnError() {
        assertTrue(syntaxError("CREATE TABLE t (a INT DISTKEY DISTKEY)")
            .contains("DISTKEY specified more than once for column \"a\""));
        assertTrue(syntaxError("CREATE TABLE t (a INT NULL NOT NULL)")
            .contains("conflicting NULL/NOT NULL declarations for column \"a\""));
        assertTrue(syntaxError("CREATE TABLE t (a INT) DISTSTYLE EVEN DISTSTYLE ALL")
            .contains("DISTSTYLE specified more than once"));
        assertTrue(syntaxError("CREATE TABLE t (a INT) SORTKEY (a) SORTKEY AUTO")
            .contains("SORTKEY specified more than once"));
    }

    @Test
    void orReplaceIsRejected() {
        assertTrue(syntaxError("CREATE OR REPLACE TABLE t (a INT)")
            .contains("OR REPLACE is not allowed with CREATE TABLE"));
    }

    @Test
    void unknownDistStyleIsAnError() {
        assertTrue(syntaxError("CREATE TABLE t (a INT) DISTSTYLE RANDOM")
            .startsWith("syntax error at or near \"RANDOM\" (line 1, column 34)"));
    }

    @Test
    void roundTrips() {
        assertRoundTrips("""
            CREATE TEMP TABLE IF NOT EXISTS s.t (
              id BIGINT IDENTITY(0, 1) NOT NULL PRIMARY KEY,
              c INT ENCODE zstd DISTKEY REFERENCES s.u (id),
              d TIMESTAMP SORTKEY DEFAULT GETDATE(),
              v VARCHAR(MAX) DEFAULT 'it''s' UNIQUE NULL,
              CONSTRAINT pk PRIMARY KEY (id), UNIQUE (c, d), FOREIGN KEY (c) REFERENCES u (x)
            ) DISTSTYLE KEY DISTKEY (c) COMPOUND SORTKEY (d, id) ENCODE AUTO BACKUP NO""");
        String printed = assertRoundTrips("CREATE TABLE t (a INT) SORTKEY AUTO DISTSTYLE EVEN BACKUP YES");
        assertTrue(printed.contains("DISTSTYLE EVEN SORTKEY AUTO BACKUP YES"), printed);
    }

    private static SqlTypeName typeName(SqlColumnDefinition column) {
        return column.sqlTypeName();
    }

    private static List<String> names(List<SqlNode> identifiers) {
        return identifiers.stream().map(node -> ((SqlIdentifier) node).getSimple()).toList();
    }
}
