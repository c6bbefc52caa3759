package io.cepheid.planner.validate;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Maps Calcite's validation failures to SQLSTATE-coded errors, keeping Calcite's message (which names the
 * object) and its position in the SQL text.
 */
public final class ValidationErrors {
    private ValidationErrors() {
    }

    public static CepheidException translate(RuntimeException e) {
        if (e instanceof CepheidException cepheid) {
            return cepheid;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String detail = message;
        Throwable cause = e.getCause();
        if (e instanceof CalciteContextException context && cause instanceof SqlValidatorException validator) {
            detail = validator.getMessage();
            message = postgresWording(detail) + " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")";
        }
        return new CepheidException(codeFor(detail), message, e);
    }

    private static final java.util.regex.Pattern OBJECT_NOT_FOUND = java.util.regex.Pattern.compile("(?:Object|Table) '([^']*)' not found.*");
    private static final java.util.regex.Pattern NOT_GROUPED = java.util.regex.Pattern.compile("Expression '([^']*)' is not being grouped.*");
    private static final java.util.regex.Pattern COLUMN_NOT_FOUND = java.util.regex.Pattern.compile("Column '([^']*)' not found.*");
    /**
     * {@code SELECT name FROM t} without a column {@code name}: Babel's select-alias lookup finds the item's own
     * alias and reports a cycle through that one column; for the user the column does not exist.
     */
    private static final java.util.regex.Pattern ONLY_ITS_OWN_ALIAS = java.util.regex.Pattern.compile(
            "The definition of column '([^']*)' depends on itself through the following columns: '\\1'");

    private static final java.util.regex.Pattern NO_SUCH_SIGNATURE = java.util.regex.Pattern.compile(
            "No match found for function signature ([\\w$]+)\\((.*)\\)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern CANNOT_APPLY = java.util.regex.Pattern.compile(
            "Cannot apply '([\\w$]+)' to arguments of type '[^(]*\\((.*?)\\)'\\..*", java.util.regex.Pattern.DOTALL);

    /** {@code function upper(integer) does not exist}: PostgreSQL's words for a call no function matches. */
    private static String undefinedFunction(String name, String argumentTypes) {
        return "function " + name.toLowerCase(java.util.Locale.ROOT) + "("
                + argumentTypes.replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT) + ") does not exist";
    }

    /** Words the common errors as PostgreSQL (and so Redshift) does, so clients and users recognise them. */
    private static String postgresWording(String detail) {
        var noSuchSignature = NO_SUCH_SIGNATURE.matcher(detail);
        if (noSuchSignature.matches()) {
            return undefinedFunction(noSuchSignature.group(1), noSuchSignature.group(2));
        }
        var cannotApply = CANNOT_APPLY.matcher(detail);
        if (cannotApply.matches()) {
            return undefinedFunction(cannotApply.group(1), cannotApply.group(2));
        }
        var object = OBJECT_NOT_FOUND.matcher(detail);
        if (object.matches()) {
            return "relation \"" + object.group(1) + "\" does not exist";
        }
        var notGrouped = NOT_GROUPED.matcher(detail);
        if (notGrouped.matches()) {
            return "column \"" + notGrouped.group(1) + "\" must appear in the GROUP BY clause or be used in an aggregate function";
        }
        var column = COLUMN_NOT_FOUND.matcher(detail);
        if (column.matches()) {
            return "column \"" + column.group(1) + "\" does not exist";
        }
        var ownAlias = ONLY_ITS_OWN_ALIAS.matcher(detail);
        if (ownAlias.matches()) {
            return "column \"" + ownAlias.group(1) + "\" does not exist";
        }
        return detail;
    }

    private static ErrorCode codeFor(String detail) {
        if (detail.startsWith("Object '") && detail.contains("not found")) {
            return ErrorCode.UNDEFINED_TABLE;
        }
        if (detail.startsWith("Table '") && detail.contains("not found")) {
            return ErrorCode.UNDEFINED_TABLE;
        }
        if (NOT_GROUPED.matcher(detail).matches()) {
            return ErrorCode.GROUPING_ERROR;
        }
        if (detail.startsWith("Column '") && detail.contains("not found")) {
            return ErrorCode.UNDEFINED_COLUMN;
        }
        if (ONLY_ITS_OWN_ALIAS.matcher(detail).matches()) {
            return ErrorCode.UNDEFINED_COLUMN;
        }
        if (detail.startsWith("Column '") && detail.contains("ambiguous")) {
            return ErrorCode.AMBIGUOUS_COLUMN;
        }
        if (detail.startsWith("No match found for function signature") || detail.startsWith("Cannot apply")) {
            return ErrorCode.UNDEFINED_FUNCTION;
        }
        if (detail.startsWith("Invalid number of arguments to function")) {
            return ErrorCode.UNDEFINED_FUNCTION;
        }
        if (detail.startsWith("Cannot infer return type")) {
            return ErrorCode.DATATYPE_MISMATCH;
        }
        if (detail.contains("does not allow NULLs")) {
            return ErrorCode.NOT_NULL_VIOLATION;
        }
        // A literal too large for its target type (Calcite: "Cannot convert 1E+40 to DECIMAL(38, 0) due to overflow").
        if (detail.startsWith("Cannot convert") && detail.endsWith("due to overflow")) {
            return ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
        }
        if (detail.startsWith("Cannot assign") || detail.contains("incompatible") || detail.startsWith("Type mismatch")) {
            return ErrorCode.DATATYPE_MISMATCH;
        }
        return ErrorCode.SYNTAX_ERROR;
    }
}
