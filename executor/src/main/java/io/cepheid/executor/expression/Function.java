package io.cepheid.executor.expression;

/**
 * Scalar functions and operators the executor evaluates. SQL's three-valued logic applies: a null
 * argument gives a null result unless stated otherwise.
 */
public enum Function {
    // arithmetic: arguments already cast to the result type by the planner (DECIMAL scales aligned)
    ADD, SUBTRACT, MULTIPLY,
    /** Integer division truncates; DECIMAL division keeps the result type's scale; x / 0 is an error (22012). */
    DIVIDE,
    MOD, NEGATE, ABS,
    // comparisons: both arguments of one comparable type; result BOOLEAN
    EQ, NE, LT, LE, GT, GE,
    /** a IS NOT DISTINCT FROM b: never null. */
    IS_NOT_DISTINCT_FROM,
    // logic, three-valued
    AND, OR, NOT,
    /** Never null. */
    IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE,
    /** arguments: value, pattern[, escape]: SQL LIKE with % and _. */
    LIKE,
    /** arguments: value, pattern: case-insensitive LIKE (Redshift ILIKE). */
    ILIKE,
    /** arguments: when1, then1, when2, then2, ..., else (always present; a null literal when omitted). */
    CASE,
    /** arguments: value; converts to {@link io.cepheid.executor.expression.ExprSpec#type()}. Bad text is 22P02. */
    CAST,
    COALESCE,
    // strings
    CONCAT, UPPER, LOWER,
    /** arguments: value, start (1-based)[, length]. */
    SUBSTRING,
    /** Characters (not bytes) of a string. */
    CHAR_LENGTH,
    TRIM, LTRIM, RTRIM,
    // dates
    /** arguments: unit as a VARCHAR literal ('year', 'month', 'day', ...), value. Result BIGINT or DOUBLE. */
    EXTRACT
}
