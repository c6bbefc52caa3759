package io.cepheid.planner.validate;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.util.Set;

/**
 * Redshift's string, conditional and regular-expression functions that neither Calcite's standard table nor
 * its PostgreSQL/Redshift libraries declare the way Redshift has them. Each is a plain function call: the
 * physical translation ({@code RexToExpr}) maps it by name onto an executor function. The validator looks
 * this table up first, so OCTET_LENGTH of a string resolves here rather than to the standard binary one.
 */
final class RedshiftStringFunctions {
    /** Library functions these replace (a different arity or argument order in Redshift). */
    static final Set<String> REPLACED = Set.of("LTRIM", "RTRIM", "NVL", "REGEXP_REPLACE");

    private static final SqlFunctionCategory STRING = SqlFunctionCategory.STRING;
    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;

    /** CHARINDEX(substring, string): POSITION with the arguments in Redshift's order. */
    static final SqlOperator CHARINDEX = function("CHARINDEX", ReturnTypes.INTEGER_NULLABLE,
            StrictOperands.of(2, TEXT, TEXT), STRING);

    /** BTRIM, LTRIM and RTRIM(string [, characters]). */
    static final SqlOperator BTRIM = trimFunction("BTRIM");
    static final SqlOperator LTRIM = trimFunction("LTRIM");
    static final SqlOperator RTRIM = trimFunction("RTRIM");

    /**
     * UPPER, LOWER, INITCAP and ASCII of strings only: the standard ones would cast a number or a date to text
     * first, where Redshift (as PostgreSQL) has no such function (42883).
     */
    static final SqlOperator UPPER = function("UPPER", ReturnTypes.ARG0_NULLABLE, StrictOperands.of(1, TEXT), STRING);
    static final SqlOperator LOWER = function("LOWER", ReturnTypes.ARG0_NULLABLE, StrictOperands.of(1, TEXT), STRING);
    static final SqlOperator INITCAP = function("INITCAP", ReturnTypes.ARG0_NULLABLE, StrictOperands.of(1, TEXT), STRING);
    static final SqlOperator ASCII = function("ASCII", ReturnTypes.INTEGER_NULLABLE, StrictOperands.of(1, TEXT), STRING);

    /** REPLICATE(string, times): REPEAT's other name. */
    static final SqlOperator REPLICATE = function("REPLICATE", ReturnTypes.VARCHAR_NULLABLE,
            StrictOperands.of(2, TEXT, INTEGER), STRING);

    /** OCTET_LENGTH of a string (the standard one takes binary strings only). */
    static final SqlOperator OCTET_LENGTH = function("OCTET_LENGTH", ReturnTypes.INTEGER_NULLABLE,
            StrictOperands.of(1, TEXT), STRING);

    static final SqlOperator QUOTE_IDENT = function("QUOTE_IDENT", ReturnTypes.VARCHAR_NULLABLE,
            StrictOperands.of(1, TEXT), STRING);
    static final SqlOperator QUOTE_LITERAL = function("QUOTE_LITERAL", ReturnTypes.VARCHAR_NULLABLE,
            StrictOperands.of(1, TEXT), STRING);

    /** REGEXP_SUBSTR(source, pattern [, position [, occurrence [, parameters]]]). */
    static final SqlOperator REGEXP_SUBSTR = function("REGEXP_SUBSTR", ReturnTypes.VARCHAR_NULLABLE,
            StrictOperands.of(2, TEXT, TEXT, INTEGER, INTEGER, TEXT), STRING);

    /** REGEXP_COUNT(source, pattern [, position [, parameters]]). */
    static final SqlOperator REGEXP_COUNT = function("REGEXP_COUNT", ReturnTypes.INTEGER_NULLABLE,
            StrictOperands.of(2, TEXT, TEXT, INTEGER, TEXT), STRING);

    /** REGEXP_INSTR(source, pattern [, position [, occurrence [, option [, parameters]]]]). */
    static final SqlOperator REGEXP_INSTR = function("REGEXP_INSTR", ReturnTypes.INTEGER_NULLABLE,
            StrictOperands.of(2, TEXT, TEXT, INTEGER, INTEGER, INTEGER, TEXT), STRING);

    /** REGEXP_REPLACE(source, pattern [, replacement [, position [, parameters]]]). */
    static final SqlOperator REGEXP_REPLACE = function("REGEXP_REPLACE", ReturnTypes.VARCHAR_NULLABLE,
            StrictOperands.of(2, TEXT, TEXT, TEXT, INTEGER, TEXT), STRING);

    /** NVL(a, b, ...): COALESCE under Redshift's other name, any number of arguments. */
    static final SqlOperator NVL = function("NVL", ReturnTypes.LEAST_RESTRICTIVE,
            OperandTypes.SAME_VARIADIC, SqlFunctionCategory.SYSTEM);

    private RedshiftStringFunctions() {
    }

    /**
     * Declared as a class of our own: Calcite's convertlet table finds operators by equality (class, name and
     * kind), and a SqlBasicFunction named like one of its library functions would be taken for that one.
     */
    private static final class RedshiftFunction extends SqlFunction {
        RedshiftFunction(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
                         SqlFunctionCategory category) {
            super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, category);
        }
    }

    private static SqlOperator function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
                                        SqlFunctionCategory category) {
        return new RedshiftFunction(name, returnType, operands, category);
    }

    private static SqlOperator trimFunction(String name) {
        return function(name, ReturnTypes.ARG0_NULLABLE_VARYING, StrictOperands.of(1, TEXT, TEXT), STRING);
    }

    static final SqlOperatorTable TABLE = SqlOperatorTables.of(UPPER, LOWER, INITCAP, ASCII, CHARINDEX, BTRIM, LTRIM,
            RTRIM, REPLICATE, OCTET_LENGTH, QUOTE_IDENT, QUOTE_LITERAL, REGEXP_SUBSTR, REGEXP_COUNT, REGEXP_INSTR,
            REGEXP_REPLACE, NVL, SqlLibraryOperators.REVERSE);
}
