package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Redshift table attributes that may follow CREATE TABLE's column list or precede CTAS's AS:
 * DISTSTYLE, DISTKEY (col), [COMPOUND | INTERLEAVED] SORTKEY (cols), SORTKEY AUTO, ENCODE AUTO and
 * BACKUP YES|NO. Every field is null (or false / empty) when the clause is absent, so the planner
 * applies Redshift's defaults itself.
 *
 * @param distStyle the DISTSTYLE, or null when not written (DISTKEY (col) alone implies KEY)
 * @param distKey the DISTKEY column, or null
 * @param sortKeyStyle COMPOUND or INTERLEAVED when SORTKEY (cols) is given, else null
 * @param sortKeyColumns the SORTKEY columns, each a {@link SqlIdentifier}; empty when none
 * @param sortKeyAuto whether SORTKEY AUTO was written
 * @param encodeAuto whether ENCODE AUTO was written
 * @param backup BACKUP YES (true) or NO (false), or null when not written
 */
public record TableAttributes(
    @Nullable DistStyle distStyle,
    @Nullable SqlIdentifier distKey,
    @Nullable SortKeyStyle sortKeyStyle,
    SqlNodeList sortKeyColumns,
    boolean sortKeyAuto,
    boolean encodeAuto,
    @Nullable Boolean backup) {

    /** No attributes at all. */
    public static final TableAttributes NONE =
        new TableAttributes(null, null, null, SqlNodeList.EMPTY, false, false, null);

    public TableAttributes {
        Objects.requireNonNull(sortKeyColumns, "sortKeyColumns is null");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Prints the attributes in a fixed order, each preceded by a space as SqlWriter keywords are. */
    public void unparse(SqlWriter writer) {
        if (distStyle != null) {
            writer.keyword("DISTSTYLE");
            writer.keyword(distStyle.name());
        }
        if (distKey != null) {
            writer.keyword("DISTKEY");
            UnparseSupport.parenthesizedList(writer, List.of(distKey));
        }
        if (sortKeyStyle != null) {
            writer.keyword(sortKeyStyle.name());
            writer.keyword("SORTKEY");
            UnparseSupport.parenthesizedList(writer, sortKeyColumns);
        }
        if (sortKeyAuto) {
            writer.keyword("SORTKEY AUTO");
        }
        if (encodeAuto) {
            writer.keyword("ENCODE AUTO");
        }
        if (backup != null) {
            writer.keyword(backup ? "BACKUP YES" : "BACKUP NO");
        }
    }

    /** Collects attributes in any order, rejecting one given twice. */
    public static final class Builder {
        private @Nullable DistStyle distStyle;
        private @Nullable SqlIdentifier distKey;
        private @Nullable SortKeyStyle sortKeyStyle;
        private SqlNodeList sortKeyColumns = SqlNodeList.EMPTY;
        private boolean sortKeyAuto;
        private boolean encodeAuto;
        private @Nullable Boolean backup;

        private Builder() {
        }

        public void distStyle(SqlParserPos pos, DistStyle value) {
            once(pos, distStyle == null, "DISTSTYLE");
            distStyle = value;
        }

        public void distKey(SqlParserPos pos, SqlIdentifier column) {
            once(pos, distKey == null, "DISTKEY");
            distKey = column;
        }

        public void sortKey(SqlParserPos pos, SortKeyStyle style, SqlNodeList columns) {
            once(pos, sortKeyStyle == null && !sortKeyAuto, "SORTKEY");
            sortKeyStyle = style;
            sortKeyColumns = columns;
        }

        public void sortKeyAuto(SqlParserPos pos) {
            once(pos, sortKeyStyle == null && !sortKeyAuto, "SORTKEY");
            sortKeyAuto = true;
        }

        public void encodeAuto(SqlParserPos pos) {
            once(pos, !encodeAuto, "ENCODE");
            encodeAuto = true;
        }

        public void backup(SqlParserPos pos, boolean value) {
            once(pos, backup == null, "BACKUP");
            backup = value;
        }

        public TableAttributes build() {
            return new TableAttributes(distStyle, distKey, sortKeyStyle, sortKeyColumns, sortKeyAuto,
                encodeAuto, backup);
        }

        private static void once(SqlParserPos pos, boolean first, String attribute) {
            if (!first) {
                throw ParseErrors.at(pos, attribute + " specified more than once");
            }
        }
    }

}
