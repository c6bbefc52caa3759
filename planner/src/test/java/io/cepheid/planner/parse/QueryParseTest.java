package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlExplainLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ordinary queries and DML still parse with the Redshift grammar in place. */
class QueryParseTest {

    @Test
    void joinsAndSubqueries() {
        SqlSelect select = parseAs("""
            SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id
            LEFT OUTER JOIN (SELECT id FROM vip) v ON v.id = c.id
            WHERE o.total > (SELECT avg(total) FROM orders) AND EXISTS (SELECT 1 FROM x)""", SqlSelect.class);
        assertEquals(SqlKind.JOIN, select.getFrom().getKind());
    }

    @Test
    void infixCastAndIlike() {
        SqlSelect select = parseAs("SELECT a::int, b::varchar(10) FROM t WHERE name ILIKE 'ab%'", SqlSelect.class);
        assertEquals("::", ((SqlCall) select.getSelectList().get(0)).getOperator().getName());
        assertEquals("ILIKE", ((SqlCall) select.getWhere()).getOperator().getName());
    }

    @Test
    void limitOffset() {
        SqlOrderBy orderBy = parseAs("SELECT a FROM t ORDER BY a LIMIT 10 OFFSET 5", SqlOrderBy.class);
        assertEquals("10", orderBy.fetch.toString());
        assertEquals("5", orderBy.offset.toString());
    }

    @Test
    void dateFunctions() {
        SqlSelect select = parseAs(
            "SELECT DATEADD(day, 1, d), DATEDIFF(month, a, b), DATE_PART(year, d), DATE_TRUNC('week', d) FROM t",
            SqlSelect.class);
        SqlNodeList items = select.getSelectList();
        assertEquals("DATEADD", ((SqlBasicCall) items.get(0)).getOperator().getName());
        assertEquals("DATEDIFF", ((SqlBasicCall) items.get(1)).getOperator().getName());
        assertEquals("DATE_PART", ((SqlBasicCall) items.get(2)).getOperator().getName());
    }

    @Test
    void identifiersFoldToLowerCase() {
        SqlSelect select = parseAs("SELECT MyCol, \"Quoted\" FROM MySchema.MyTable", SqlSelect.class);
        assertEquals("mycol", ((SqlIdentifier) select.getSelectList().get(0)).getSimple());
        assertEquals("quoted", ((SqlIdentifier) select.getSelectList().get(1)).getSimple());
        assertEquals("myschema.mytable", select.getFrom().toString().toLowerCase(java.util.Locale.ROOT)
            .replace("`", ""));
    }

    @Test
    void nonReservedWordsAsNames() {
        parseAs("SELECT year, value, user, text, copy, encode, index FROM t", SqlSelect.class);
    }

    @Test
    void insert() {
        SqlInsert values = parseAs("INSERT INTO t VALUES (1, 'a'), (2, 'b')", SqlInsert.class);
        assertEquals("t", ((SqlIdentifier) values.getTargetTable()).getSimple());
        SqlInsert select = parseAs("INSERT INTO t (a, b) SELECT x, y FROM u", SqlInsert.class);
        assertEquals(2, select.getTargetColumnList().size());
    }

    @Test
    void setAndExplain() {
        SqlSetOption set = parseAs("SET search_path = public", SqlSetOption.class);
        assertEquals("search_path", ((SqlIdentifier) set.name()).getSimple());
        SqlSetOption to = parseAs("SET search_path TO public", SqlSetOption.class);
        assertEquals("public", ((SqlIdentifier) to.getValue()).getSimple());
        SqlSetOption quoted = parseAs("SET timezone = 'UTC'", SqlSetOption.class);
        assertEquals("'UTC'", quoted.getValue().toString());
        assertEquals("DEFAULT", parseAs("SET datestyle TO DEFAULT", SqlSetOption.class).getValue().toString());
        SqlSetOption reset = parseAs("RESET ALL", SqlSetOption.class);
        assertEquals("ALL", ((SqlIdentifier) reset.name()).getSimple());
        SqlExplain explain = parseAs("EXPLAIN SELECT * FROM t", SqlExplain.class);
        assertInstanceOf(SqlSelect.class, explain.getExplicandum());
        assertEquals(SqlExplainLevel.EXPPLAN_ATTRIBUTES, explain.getDetailLevel());
        SqlExplain verbose = parseAs("EXPLAIN VERBOSE INSERT INTO t SELECT * FROM u", SqlExplain.class);
        assertInstanceOf(SqlInsert.class, verbose.getExplicandum());
        assertEquals(SqlExplainLevel.ALL_ATTRIBUTES, verbose.getDetailLevel());
        SqlExplain calcite = parseAs("EXPLAIN PLAN FOR SELECT 1", SqlExplain.class);
        assertInstanceOf(SqlSelect.class, calcite.getExplicandum());
        SqlExplain explainPlanColumn = parseAs("EXPLAIN SELECT plan FROM t", SqlExplain.class);
        assertInstanceOf(SqlSelect.class, explainPlanColumn.getExplicandum());
    }

    @Test
    void explainAnalyze() {
        SqlExplainAnalyze analyze = parseAs("explain analyze SELECT a FROM t WHERE a > 1", SqlExplainAnalyze.class);
        assertInstanceOf(SqlSelect.class, analyze.getExplicandum());
        assertEquals("EXPLAIN ANALYZE SELECT `a`\nFROM `t`\nWHERE `a` > 1", analyze.toString());
        // Without ANALYZE it stays a plain EXPLAIN, and a table named analyze still parses.
        assertEquals(SqlExplain.class, parseAs("EXPLAIN SELECT * FROM analyze", SqlExplain.class).getClass());
    }

    @Test
    void severalStatements() {
        SqlNodeList statements = CepheidParser.parseStatements(
            "CREATE TABLE t (a INT); INSERT INTO t VALUES (1);\nSELECT * FROM t;");
        assertEquals(3, statements.size());
        assertInstanceOf(SqlCreateTable.class, statements.get(0));
        SqlNode last = statements.get(2);
        assertInstanceOf(SqlSelect.class, last);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT a::int, b FROM t WHERE c ILIKE 'x%' ORDER BY 1 LIMIT 3 OFFSET 1",
        "SELECT DATEADD(day, 1, d) FROM t",
        "INSERT INTO t (a, b) SELECT x, y FROM u",
        "SELECT a FROM t1 JOIN t2 ON t1.x = t2.y WHERE a IN (SELECT b FROM t3)",
    })
    void roundTrips(String sql) {
        assertRoundTrips(sql);
    }
}
