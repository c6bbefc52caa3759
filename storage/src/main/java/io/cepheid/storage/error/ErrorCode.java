package io.cepheid.storage.error;

/**
 * Every user-visible error condition, with its category and the PostgreSQL SQLSTATE that clients
 * (pgjdbc, psql, the Redshift driver) expect for it.
 */
public enum ErrorCode {
    SYNTAX_ERROR(ErrorCategory.USER, "42601"),
    UNDEFINED_TABLE(ErrorCategory.USER, "42P01"),
    UNDEFINED_COLUMN(ErrorCategory.USER, "42703"),
    UNDEFINED_FUNCTION(ErrorCategory.USER, "42883"),
    UNDEFINED_SCHEMA(ErrorCategory.USER, "3F000"),
    DUPLICATE_TABLE(ErrorCategory.USER, "42P07"),
    /** DROP TABLE on a view, DROP VIEW on a table. */
    WRONG_OBJECT_TYPE(ErrorCategory.USER, "42809"),
    DUPLICATE_SCHEMA(ErrorCategory.USER, "42P06"),
    DUPLICATE_COLUMN(ErrorCategory.USER, "42701"),
    AMBIGUOUS_COLUMN(ErrorCategory.USER, "42702"),
    DATATYPE_MISMATCH(ErrorCategory.USER, "42804"),
    GROUPING_ERROR(ErrorCategory.USER, "42803"),
    INVALID_TABLE_DEFINITION(ErrorCategory.USER, "42P16"),
    FEATURE_NOT_SUPPORTED(ErrorCategory.USER, "0A000"),
    INVALID_TEXT_REPRESENTATION(ErrorCategory.USER, "22P02"),
    INVALID_DATETIME_FORMAT(ErrorCategory.USER, "22007"),
    DATETIME_FIELD_OVERFLOW(ErrorCategory.USER, "22008"),
    NUMERIC_VALUE_OUT_OF_RANGE(ErrorCategory.USER, "22003"),
    STRING_DATA_RIGHT_TRUNCATION(ErrorCategory.USER, "22001"),
    DIVISION_BY_ZERO(ErrorCategory.USER, "22012"),
    NOT_NULL_VIOLATION(ErrorCategory.USER, "23502"),
    CARDINALITY_VIOLATION(ErrorCategory.USER, "21000"),
    INVALID_PARAMETER_VALUE(ErrorCategory.USER, "22023"),
    /** A negative length in SUBSTRING. */
    SUBSTRING_ERROR(ErrorCategory.USER, "22011"),
    INVALID_REGULAR_EXPRESSION(ErrorCategory.USER, "2201B"),
    /** A COPY input row or file that cannot be loaded; Redshift reports these as load errors. */
    LOAD_ERROR(ErrorCategory.USER, "22P04"),
    FILE_NOT_FOUND(ErrorCategory.USER, "58P01"),
    IO_ERROR(ErrorCategory.EXTERNAL, "58030"),
    OUT_OF_MEMORY(ErrorCategory.RESOURCE, "53200"),
    SERIALIZATION_FAILURE(ErrorCategory.USER, "40001"),
    /** A statement sent while the transaction block is aborted by an earlier error, until ROLLBACK. */
    IN_FAILED_SQL_TRANSACTION(ErrorCategory.USER, "25P02"),
    /** A statement that cannot run inside a transaction block (VACUUM). */
    ACTIVE_SQL_TRANSACTION(ErrorCategory.USER, "25001"),
    QUERY_CANCELED(ErrorCategory.USER, "57014"),
    DATA_CORRUPTED(ErrorCategory.INTERNAL, "XX001"),
    INTERNAL_ERROR(ErrorCategory.INTERNAL, "XX000");

    private final ErrorCategory category;
    private final String sqlState;

    ErrorCode(ErrorCategory category, String sqlState) {
        this.category = category;
        this.sqlState = sqlState;
    }

    public ErrorCategory category() {
        return category;
    }

    public String sqlState() {
        return sqlState;
    }
}
