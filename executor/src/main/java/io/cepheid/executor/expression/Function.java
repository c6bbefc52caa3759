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
    EXTRACT,
    /** arguments: date or timestamp, integer days. Result of the first argument's type. */
    ADD_DAYS,
    /** arguments: date, date: whole days from the second to the first (Redshift's {@code date - date}), INTEGER. */
    DAYS_BETWEEN,
    /** arguments: date or timestamp, integer months: a month end stays a month end (Redshift ADD_MONTHS). */
    ADD_MONTHS,
    /** arguments: date or timestamp, BIGINT microseconds (a day-time interval). */
    ADD_MICROS,
    /** arguments: part (VARCHAR literal), integer n, date or timestamp: Redshift DATEADD, month ends clamped. */
    DATEADD,
    /** arguments: part (VARCHAR literal), start, end: how many part boundaries lie between them, BIGINT. */
    DATEDIFF,
    /** arguments: part (VARCHAR literal), date or timestamp: the start of its part, Monday for weeks. */
    DATE_TRUNC,
    /** arguments: date or timestamp: the last day of its month, DATE. */
    LAST_DAY,
    /** arguments: a, b (dates or timestamps): months from b to a, fractions of 31-day months, DOUBLE. */
    MONTHS_BETWEEN,
    /** arguments: date or timestamp, weekday name (VARCHAR literal): the first such day after it, DATE. */
    NEXT_DAY,
    /** arguments: date/timestamp or number, format (VARCHAR literal): Redshift's datetime or number format, VARCHAR. */
    TO_CHAR,
    /** arguments: text, format (VARCHAR literal)[, strict (BOOLEAN literal)]: DATE. Bad text is 22007. */
    TO_DATE,
    /** arguments: text, format (VARCHAR literal): TIMESTAMP. Bad text is 22007. */
    TO_TIMESTAMP,
    // math: exact inputs (integers, DECIMAL) stay exact; the result type's scale is the planner's
    /** arguments: value[, digits]: half away from zero. */
    ROUND,
    /** arguments: value[, digits]: toward zero. */
    TRUNC,
    CEIL, FLOOR, SIGN,
    /** DOUBLE only; a negative argument is 22023. */
    SQRT,
    EXP,
    /** DOUBLE only; zero or negative arguments are 22023. */
    LN, LOG10,
    POWER,
    // strings and regular expressions (issue 3 section 2); positions and lengths count characters
    /** arguments: value, substring: 1-based character position of the first occurrence, 0 when absent. */
    POSITION,
    /** Bytes of a string (CHAR without trailing blanks). */
    OCTET_LENGTH,
    /** arguments: value, n: the first (LEFT) or last (RIGHT) n characters; a negative n drops |n| from the other end. */
    LEFT, RIGHT,
    /** arguments: value, length, fill: padded on the left (LPAD) or right (RPAD) to length characters, or cut to it. */
    LPAD, RPAD,
    /** arguments: value, from, to: every occurrence of from replaced. */
    REPLACE,
    /** arguments: value, from characters, to characters: each from character becomes its counterpart or is dropped. */
    TRANSLATE,
    REVERSE,
    /** arguments: value, times. */
    REPEAT,
    /** arguments: value, delimiter, field (1-based; below 1 is 22023). */
    SPLIT_PART,
    /** First letter of each alphanumeric word upper case, the rest lower case. */
    INITCAP,
    /** Code point of the first character; 0 for an empty string. */
    ASCII,
    /** arguments: code point (integer): the character. */
    CHR,
    /** Lower-case hex MD5 of the UTF-8 bytes. */
    MD5,
    QUOTE_IDENT, QUOTE_LITERAL,
    /** arguments: value, pattern, flags ('c' or 'i'): the POSIX operators ~ and ~*; BOOLEAN. */
    REGEXP_MATCH,
    /** arguments: value, pattern[, escape]: SQL SIMILAR TO (the whole value must match). */
    SIMILAR_TO,
    /** arguments: value, pattern, position, occurrence, parameters: the matched text, empty when none. */
    REGEXP_SUBSTR,
    /** arguments: value, pattern, position, parameters: how many matches, INTEGER. */
    REGEXP_COUNT,
    /** arguments: value, pattern, position, occurrence, option (0 start, 1 after the end), parameters: INTEGER. */
    REGEXP_INSTR,
    /** arguments: value, pattern, replacement (\\1 refers to a group), position, parameters: every match replaced. */
    REGEXP_REPLACE
}
