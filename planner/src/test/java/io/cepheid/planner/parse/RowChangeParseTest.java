package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

/** DELETE ... USING and UPDATE ... FROM, and the plain forms the same productions now parse. */
class RowChangeParseTest {

    @Test
    void plainDeleteAndUpdateStayCalcitesNodes() {
        SqlDelete delete = parseAs("DELETE FROM t AS x WHERE x.a = 1", SqlDelete.class);
        assertEquals(SqlDelete.class, delete.getClass());
        assertEquals("x", delete.getAlias().getSimple());
        assertEquals(SqlDelete.class, parseAs("DELETE t WHERE a = 1", SqlDelete.class).getClass(), "FROM is optional");
        SqlUpdate update = parseAs("UPDATE t SET a = a + 1, b = NULL WHERE c > 2", SqlUpdate.class);
        assertEquals(SqlUpdate.class, update.getClass());
        assertEquals(2, update.getTargetColumnList().size());
    }

    @Test
    void deleteUsingKeepsItsSourceList() {
        SqlDeleteUsing delete = parseAs("DELETE FROM t USING u, v JOIN w ON v.k = w.k WHERE t.k = u.k AND u.k = v.k",
                SqlDeleteUsing.class);
        assertEquals(SqlKind.JOIN, delete.using().getKind());
        assertNull(delete.getAlias());
        assertEquals(SqlKind.AND, delete.getCondition().getKind());
        assertRoundTrips("DELETE FROM t x USING (SELECT k FROM u) s WHERE x.k = s.k");
        assertRoundTrips("DELETE FROM t USING u");
    }

    @Test
    void updateFromKeepsItsSourceList() {
        SqlUpdateFrom update = parseAs("UPDATE t SET c = a.x, d = 1 FROM t2 AS a JOIN t3 ON a.k = t3.k WHERE t.k = a.k",
                SqlUpdateFrom.class);
        assertEquals(SqlKind.JOIN, update.from().getKind());
        assertEquals(2, update.getSourceExpressionList().size());
        assertRoundTrips("UPDATE t AS o SET c = u.x FROM u WHERE o.k = u.k");
        assertRoundTrips("UPDATE t SET c = ? FROM u, v WHERE t.k = u.k AND u.j = ?");
    }

    @Test
    void misplacedClausesAreSyntaxErrors() {
        syntaxError("DELETE FROM t WHERE a = 1 USING u");
        syntaxError("UPDATE t FROM u SET c = 1");
        syntaxError("DELETE FROM t USING WHERE a = 1");
    }
}
