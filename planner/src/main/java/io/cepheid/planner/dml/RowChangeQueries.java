package io.cepheid.planner.dml;

import io.cepheid.planner.catalog.CepheidTable;
import io.cepheid.planner.parse.SqlDeleteUsing;
import io.cepheid.planner.parse.SqlUpdateFrom;
import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites DELETE and UPDATE into the query that finds their rows, so the ordinary query planner plans
 * the WHERE (subqueries included):
 * <pre>
 * DELETE FROM t x WHERE cond               →  SELECT x.row_id FROM t x WHERE cond
 * DELETE FROM t USING u WHERE cond         →  SELECT DISTINCT t.row_id FROM t, u WHERE cond
 * UPDATE t SET b = b + 1 WHERE cond        →  SELECT t.row_id, t.a, t.b + 1, t.c FROM t WHERE cond
 * UPDATE t SET b = u.b FROM u WHERE cond   →  SELECT t.row_id, t.a, u.b, t.c FROM t, u WHERE cond
 * </pre>
 * {@code row_id} is the target table's hidden {@link CepheidTable#ROW_ID_COLUMN}. An UPDATE's query lists
 * the new version of every column in table order; a column assigned twice takes its last assignment.
 * With USING, a target row joined to several source rows is deleted once (DISTINCT). With FROM, such a row
 * comes out once per match; the caller rejects that (which new version would win is undefined).
 */
public final class RowChangeQueries {
    private RowChangeQueries() {
    }

    public static SqlSelect deleteQuery(SqlDelete delete) {
        SqlParserPos pos = delete.getParserPosition();
        String qualifier = qualifier(delete.getTargetTable(), delete.getAlias());
        SqlNodeList selectList = new SqlNodeList(List.of(column(qualifier, CepheidTable.ROW_ID_COLUMN, pos)), pos);
        SqlNode using = delete instanceof SqlDeleteUsing withUsing ? withUsing.using() : null;
        SqlNodeList keywords = using == null ? null
                : new SqlNodeList(List.of(SqlSelectKeyword.DISTINCT.symbol(pos)), pos);
        return select(pos, keywords, selectList, delete.getTargetTable(), delete.getAlias(), using,
                delete.getCondition());
    }

    /** Whether a target row may come out of {@link #updateQuery} more than once (it joins a FROM list). */
    public static boolean mayMatchRepeatedly(SqlUpdate update) {
        return update instanceof SqlUpdateFrom;
    }

    /**
     * {@code types} turns a column's type into Calcite's: a bare {@code ?} assigned to a column becomes
     * {@code CAST(? AS column type)}, since in a select list nothing else tells the validator its type.
     */
    public static SqlSelect updateQuery(SqlUpdate update, TableDefinition table, RelDataTypeFactory types) {
        SqlParserPos pos = update.getParserPosition();
        String qualifier = qualifier(update.getTargetTable(), update.getAlias());
        List<SqlNode> newValues = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            newValues.add(column(qualifier, column.name(), pos));
        }
        SqlNodeList targets = update.getTargetColumnList();
        SqlNodeList sources = update.getSourceExpressionList();
        for (int i = 0; i < targets.size(); i++) {
            SqlIdentifier target = (SqlIdentifier) targets.get(i);
            String name = target.names.getLast().toLowerCase(Locale.ROOT);
            int index = columnIndex(table, name);
            if (index < 0) {
                throw new CepheidException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                        + table.name() + "\" does not exist");
            }
            SqlNode value = sources.get(i);
            if (value instanceof SqlDynamicParam) {
                SqlType type = table.columns().get(index).type();
                SqlDataTypeSpec spec = SqlTypeUtil.convertTypeToSpec(TypeMapping.toRelDataType(types, type, true));
                value = SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value, spec);
            }
            newValues.set(index, value); // later assignments of the same column win
        }
        List<SqlNode> selectItems = new ArrayList<>();
        selectItems.add(column(qualifier, CepheidTable.ROW_ID_COLUMN, pos));
        selectItems.addAll(newValues);
        SqlNode from = update instanceof SqlUpdateFrom withFrom ? withFrom.from() : null;
        return select(pos, null, new SqlNodeList(selectItems, pos), update.getTargetTable(), update.getAlias(),
                from, update.getCondition());
    }

    /** {@code SELECT [keywords] selectList FROM table [AS alias] [, sources] [WHERE where]}. */
    private static SqlSelect select(SqlParserPos pos, SqlNodeList keywords, SqlNodeList selectList, SqlNode table,
            SqlIdentifier alias, SqlNode sources, SqlNode where) {
        SqlNode from = alias == null ? table : SqlStdOperatorTable.AS.createCall(pos, table, alias);
        if (sources != null) {
            from = new SqlJoin(pos, from, SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos), sources,
                    JoinConditionType.NONE.symbol(pos), null);
        }
        return new SqlSelect(pos, keywords, selectList, from, where, null, null, null, null, null, null, null);
    }

    /** The name that qualifies the target's columns: its alias, else its own (last) name. */
    private static String qualifier(SqlNode table, SqlIdentifier alias) {
        if (alias != null) {
            return alias.getSimple();
        }
        if (table instanceof SqlIdentifier identifier) {
            return identifier.names.getLast();
        }
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot change rows of " + table);
    }

    private static SqlIdentifier column(String qualifier, String name, SqlParserPos pos) {
        return new SqlIdentifier(List.of(qualifier, name), pos);
    }

    private static int columnIndex(TableDefinition table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
