package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** CREATE TABLE ... AS query, with and without column renames and table attributes. */
class CreateTableAsParseTest {

    @Test
    void plain() {
        SqlCreateTableAs create = parseAs("CREATE TABLE t2 AS SELECT a, b FROM t1", SqlCreateTableAs.class);
        assertEquals("t2", create.name().getSimple());
        assertTrue(create.columnNames().isEmpty());
        assertEquals(TableAttributes.NONE, create.attributes());
        assertInstanceOf(SqlSelect.class, create.query());
    }

    @Test
    void withColumnRenamesAndAttributes() {
        SqlCreateTableAs create = parseAs("""
            CREATE TEMP TABLE t2 (x, y) BACKUP NO DISTKEY (x) SORTKEY (y)
            AS SELECT a, b FROM t1 ORDER BY a LIMIT 10""", SqlCreateTableAs.class);
        assertTrue(create.temporary());
        assertEquals(List.of("x", "y"),
            create.columnNames().getList().stream().map(n -> ((SqlIdentifier) n).getSimple()).toList());
        assertEquals("x", create.attributes().distKey().getSimple());
        assertEquals(Boolean.FALSE, create.attributes().backup());
        assertEquals(SortKeyStyle.COMPOUND, create.attributes().sortKeyStyle());
        assertInstanceOf(SqlOrderBy.class, create.query());
    }

    @Test
    void singleRenamedColumn() {
        SqlCreateTableAs create = parseAs("CREATE TABLE t2 (x) AS SELECT 1", SqlCreateTableAs.class);
        assertEquals(1, create.columnNames().size());
    }

    @Test
    void attributesWithoutColumnList() {
        SqlCreateTableAs create = parseAs("CREATE TABLE t2 DISTSTYLE ALL AS SELECT * FROM t1",
            SqlCreateTableAs.class);
        assertEquals(DistStyle.ALL, create.attributes().distStyle());
    }

    @Test
    void roundTrips() {
        assertRoundTrips("CREATE TEMP TABLE t2 (x, y) DISTSTYLE EVEN AS SELECT a, b FROM t1 WHERE a > 1");
        assertRoundTrips("CREATE TABLE t2 AS SELECT * FROM t1");
    }
}
