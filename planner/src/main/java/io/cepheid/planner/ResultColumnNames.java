package io.cepheid.planner;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names clients see for a query's unnamed result columns, as PostgreSQL and Redshift choose them
 * (PostgreSQL's FigureColname): a function or aggregate call is named after the function ({@code count},
 * {@code sum}, {@code substring}, {@code date_trunc}; a window call after its function), a cast after what it
 * casts or else its type ({@code 1::int} is {@code int4}, {@code count(*)::int} is {@code count}), CASE is
 * {@code case}, and anything else (operators, literals) is {@code ?column?}. Read from the statement as
 * written, before the validator rewrites calls (COALESCE into CASE, NVL into COALESCE).
 */
public final class ResultColumnNames {
    public static final String UNNAMED = "?column?";

    private ResultColumnNames() {
    }

    /**
     * One name per item of the query's outermost select list (the first branch of a set operation), or null
     * when the list cannot be matched to the result columns (a {@code *} expands to an unknown count, VALUES).
     */
    public static List<String> of(SqlNode query) {
        SqlSelect select = outermostSelect(query);
        if (select == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                return null;
            }
            String name = name(item);
            names.add(name == null ? UNNAMED : name);
        }
        return names;
    }

    private static SqlSelect outermostSelect(SqlNode node) {
        return switch (node) {
            case SqlSelect select -> select;
            case SqlOrderBy orderBy -> outermostSelect(orderBy.query);
            case SqlWith with -> outermostSelect(with.body);
            case SqlBasicCall call when call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                    || call.getKind() == SqlKind.EXCEPT -> outermostSelect(call.operand(0));
            case null, default -> null;
        };
    }

    private static String name(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return node instanceof SqlIdentifier identifier ? identifier.names.getLast() : null;
        }
        return switch (call.getKind()) {
            case AS -> call.operand(1) instanceof SqlIdentifier alias ? alias.getSimple() : null;
            case CAST -> {
                String inner = name(call.operand(0));
                yield inner != null ? inner : call.operand(1) instanceof SqlDataTypeSpec type ? typeName(type) : null;
            }
            case OVER, FILTER, WITHIN_GROUP, WITHIN_DISTINCT -> name(call.operand(0));
            case CASE -> "case";
            default -> call.getOperator() instanceof SqlFunction function
                    ? function.getName().toLowerCase(Locale.ROOT) : null;
        };
    }

    /** PostgreSQL's internal name of a cast's target type, which it gives the cast's column. */
    private static String typeName(SqlDataTypeSpec type) {
        String name = type.getTypeName().getSimple().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "smallint", "int2" -> "int2";
            case "integer", "int", "int4" -> "int4";
            case "bigint", "int8" -> "int8";
            case "decimal", "numeric", "dec" -> "numeric";
            case "real", "float4" -> "float4";
            case "double", "float", "float8" -> "float8";
            case "boolean", "bool" -> "bool";
            case "char", "character", "bpchar" -> "bpchar";
            case "varchar" -> "varchar";
            case "timestamp_with_local_time_zone", "timestamptz" -> "timestamptz";
            default -> name;
        };
    }
}
