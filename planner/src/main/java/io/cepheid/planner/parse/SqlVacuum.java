package io.cepheid.planner.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Redshift's {@code VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX] [[schema.]table] [TO n PERCENT] [BOOST]}.
 * Without a table, every table of the database.
 */
public final class SqlVacuum extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("VACUUM", SqlKind.OTHER);
    /** TO n PERCENT not given. */
    public static final int DEFAULT_THRESHOLD = -1;

    public enum Mode {
        FULL("FULL"), SORT_ONLY("SORT ONLY"), DELETE_ONLY("DELETE ONLY"), REINDEX("REINDEX");

        private final String sql;

        Mode(String sql) {
            this.sql = sql;
        }
    }

    private final Mode mode;
    private final SqlIdentifier table;
    private final int thresholdPercent;
    private final boolean boost;

    public SqlVacuum(SqlParserPos pos, Mode mode, SqlIdentifier table, int thresholdPercent, boolean boost) {
        super(pos);
        this.mode = mode;
        this.table = table;
        this.thresholdPercent = thresholdPercent;
        this.boost = boost;
    }

    public Mode mode() {
        return mode;
    }

    /** The table vacuumed, or null for every table. */
    public SqlIdentifier table() {
        return table;
    }

    /** TO n PERCENT, or {@link #DEFAULT_THRESHOLD}. */
    public int thresholdPercent() {
        return thresholdPercent;
    }

    public boolean boost() {
        return boost;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return table == null ? List.of() : List.of(table);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("VACUUM");
        writer.keyword(mode.sql);
        if (table != null) {
            table.unparse(writer, leftPrec, rightPrec);
        }
        if (thresholdPercent != DEFAULT_THRESHOLD) {
            writer.keyword("TO");
            writer.literal(Integer.toString(thresholdPercent));
            writer.keyword("PERCENT");
        }
        if (boost) {
            writer.keyword("BOOST");
        }
    }
}
