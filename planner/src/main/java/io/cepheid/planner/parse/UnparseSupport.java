package io.cepheid.planner.parse;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/** Small helpers the statement nodes share to print themselves back as SQL. */
final class UnparseSupport {
    private UnparseSupport() {
    }

    /** Prints a string literal PostgreSQL style, doubling embedded quotes: it's -> 'it''s'. */
    static void stringLiteral(SqlWriter writer, String value) {
        writer.literal("'" + value.replace("'", "''") + "'");
    }

    /** Prints "(a, b, c)". */
    static void parenthesizedList(SqlWriter writer, List<? extends SqlNode> nodes) {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }

    /** Prints "a, b, c" without parentheses. */
    static void commaList(SqlWriter writer, List<? extends SqlNode> nodes) {
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
