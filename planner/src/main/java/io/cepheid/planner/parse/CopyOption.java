package io.cepheid.planner.parse;

import java.util.Objects;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One COPY option as written: its kind, its value (string literal content, integer digits, a
 * switch word ON/OFF/PRESET or a format name; null when the option takes none), and for
 * FORMAT AS JSON 'x' the quoted argument. The position lets the planner point at an option
 * that clashes with another.
 */
public record CopyOption(CopyOptionKind kind, @Nullable String value, @Nullable String argument,
    SqlParserPos pos) {

    /** The value of {@code IAM_ROLE default}. */
    public static final String DEFAULT_ROLE = "default";

    public CopyOption {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(pos, "pos is null");
    }

    /** The value of an INTEGER-shaped option such as IGNOREHEADER or MAXERROR. */
    public int intValue() {
        if (kind.valueShape() != CopyOptionKind.ValueShape.INTEGER || value == null) {
            throw new IllegalStateException(kind + " has no integer value");
        }
        return Integer.parseInt(value);
    }

    /** Prints the option as COPY accepts it back, e.g. {@code DELIMITER '|'}. */
    public void unparse(SqlWriter writer) {
        writer.keyword(kind.name());
        switch (kind.valueShape()) {
            case NONE -> { }
            case STRING, OPTIONAL_STRING -> {
                if (value != null) {
                    UnparseSupport.stringLiteral(writer, value);
                }
            }
            case INTEGER -> writer.print(Objects.requireNonNull(value, "value is null"));
            case ROLE -> {
                if (DEFAULT_ROLE.equals(value)) {
                    writer.keyword("DEFAULT");
                } else {
                    UnparseSupport.stringLiteral(writer, Objects.requireNonNull(value, "value is null"));
                }
            }
            case SWITCH -> {
                if (value != null) {
                    writer.keyword(value);
                }
            }
            case FORMAT -> {
                writer.keyword("AS");
                writer.keyword(Objects.requireNonNull(value, "value is null"));
                if (argument != null) {
                    UnparseSupport.stringLiteral(writer, argument);
                }
            }
        }
        writer.setNeedWhitespace(true);
    }
}
