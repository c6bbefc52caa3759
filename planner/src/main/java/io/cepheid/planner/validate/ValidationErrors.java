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

    /** Words the common errors as PostgreSQL (and so Redshift) does, so clients and users recognise them. */
    private static String postgresWording(String detail) {
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
        if (detail.startsWith("Column '") && detail.contains("ambiguous")) {
            return ErrorCode.AMBIGUOUS_COLUMN;
        }
        if (detail.startsWith("No match found for function signature") || detail.startsWith("Cannot apply")) {
            return ErrorCode.UNDEFINED_FUNCTION;
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
