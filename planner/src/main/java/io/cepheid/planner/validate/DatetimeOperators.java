package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Redshift's date/time functions as the validator sees them, with Redshift's result types (DATEADD,
 * DATE_TRUNC and ADD_MONTHS give TIMESTAMP, DATE_PART DOUBLE PRECISION, DATEDIFF BIGINT). They replace
 * Calcite's library functions of the same names, whose types follow other dialects. A date part is
 * always a string literal: the grammar turns {@code DATEADD(day, ...)} into {@code DATEADD('day', ...)}.
 * Also the day arithmetic operators Calcite's {@code +} and {@code -} reject: {@code date ± integer} and
 * {@code date - date} (see {@link CepheidValidator#deriveType}).
 */
public final class DatetimeOperators {
    private static final SqlReturnTypeInference TIMESTAMP = nullable(SqlTypeName.TIMESTAMP);
    private static final SqlReturnTypeInference DATE = nullable(SqlTypeName.DATE);
    private static final SqlReturnTypeInference TEXT = ReturnTypes.explicit(
            factory -> factory.createSqlType(SqlTypeName.VARCHAR, 65535)).andThen(SqlTypeTransforms.TO_NULLABLE);

    /** DATEADD(part, n, value). */
    public static final SqlFunction DATEADD = function("DATEADD", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.DATETIME));
    /** DATEDIFF(part, start, end). */
    public static final SqlFunction DATEDIFF = function("DATEDIFF", ReturnTypes.BIGINT_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME));
    /** DATE_PART(part, value). */
    public static final SqlFunction DATE_PART = function("DATE_PART", ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME));
    /** DATEPART(part, value): another name of DATE_PART. */
    public static final SqlFunction DATEPART = function("DATEPART", ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME));
    public static final SqlFunction DATE_TRUNC = function("DATE_TRUNC", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME));
    public static final SqlFunction ADD_MONTHS = function("ADD_MONTHS", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.INTEGER));
    public static final SqlFunction LAST_DAY = function("LAST_DAY", DATE, OperandTypes.family(SqlTypeFamily.DATETIME));
    public static final SqlFunction MONTHS_BETWEEN = function("MONTHS_BETWEEN", ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME));
    public static final SqlFunction NEXT_DAY = function("NEXT_DAY", DATE,
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER));
    /** TO_CHAR(date/time or number, format). */
    public static final SqlFunction TO_CHAR = function("TO_CHAR", TEXT, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER)));
    /** TO_DATE(text, format[, strict]). */
    public static final SqlFunction TO_DATE = function("TO_DATE", DATE, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN)));
    public static final SqlFunction TO_TIMESTAMP = function("TO_TIMESTAMP", TIMESTAMP,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));
    /** GETDATE(): the statement's start, whole seconds. */
    public static final SqlFunction GETDATE = function("GETDATE", ReturnTypes.explicit(SqlTypeName.TIMESTAMP), OperandTypes.NILADIC);
    /** NOW(): the statement's start. */
    public static final SqlFunction NOW = function("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP), OperandTypes.NILADIC);
    /** TIMEOFDAY(): the current time as text, 'Thu Sep 19 22:53:50.333525 2013 UTC'. */
    public static final SqlFunction TIMEOFDAY = function("TIMEOFDAY",
            ReturnTypes.explicit(factory -> factory.createSqlType(SqlTypeName.VARCHAR, 64)), OperandTypes.NILADIC);
    /** SYSDATE, written without parentheses. */
    public static final SqlFunction SYSDATE = new SqlFunction("SYSDATE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP), null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE) {
        @Override
        public SqlSyntax getSyntax() {
            return SqlSyntax.FUNCTION_ID;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };

    /** {@code date + integer}, in either order: a DATE. */
    public static final SqlBinaryOperator DAY_PLUS = dayArithmetic("+", SqlKind.PLUS);
    /** {@code date - integer}: a DATE; {@code date - date}: the INTEGER days between. */
    public static final SqlBinaryOperator DAY_MINUS = dayArithmetic("-", SqlKind.MINUS);
    /** {@code timestamp - timestamp} (or two TIMESTAMPTZ): the day-time interval between them. */
    public static final SqlBinaryOperator TIMESTAMP_MINUS = new SqlBinaryOperator("-", SqlKind.MINUS, 40, true,
            binding -> binding.getTypeFactory().createTypeWithNullability(
                    TypeMapping.dayTimeInterval(binding.getTypeFactory()),
                    binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable()),
            InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return validateOperands(validator, scope, call);
        }
    };

    private static final List<SqlOperator> FUNCTIONS = List.of(DATEADD, DATEDIFF, DATE_PART, DATEPART, DATE_TRUNC,
            ADD_MONTHS, LAST_DAY, MONTHS_BETWEEN, NEXT_DAY, TO_CHAR, TO_DATE, TO_TIMESTAMP, GETDATE, NOW, TIMEOFDAY,
            SYSDATE);

    private static final Map<String, SqlOperator> BY_NAME = FUNCTIONS.stream()
            .collect(Collectors.toUnmodifiableMap(SqlOperator::getName, op -> op));

    /** Upper-case names of {@link #FUNCTIONS}: other tables' functions of these names are hidden. */
    static final Set<String> NAMES = BY_NAME.keySet();

    private DatetimeOperators() {
    }

    static SqlOperatorTable table() {
        return SqlOperatorTables.of(FUNCTIONS);
    }

    private static SqlFunction function(String name, SqlReturnTypeInference returnType,
                                        SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.TIMEDATE);
    }

    private static SqlReturnTypeInference nullable(SqlTypeName type) {
        return ReturnTypes.explicit(type).andThen(SqlTypeTransforms.TO_NULLABLE);
    }

    /** Whether {@code left op right} is day arithmetic that Calcite's own {@code +}/{@code -} would reject. */
    static boolean isDayArithmetic(SqlKind kind, RelDataType left, RelDataType right) {
        boolean leftDate = left.getSqlTypeName() == SqlTypeName.DATE;
        boolean rightDate = right.getSqlTypeName() == SqlTypeName.DATE;
        boolean leftInteger = SqlTypeFamily.INTEGER.contains(left);
        boolean rightInteger = SqlTypeFamily.INTEGER.contains(right);
        return switch (kind) {
            case PLUS -> (leftDate && rightInteger) || (leftInteger && rightDate);
            case MINUS -> leftDate && (rightInteger || rightDate);
            default -> false;
        };
    }

    /** {@code timestamp - timestamp} of the same kind, which Calcite's {@code -} rejects without a unit. */
    static boolean isTimestampDifference(SqlKind kind, RelDataType left, RelDataType right) {
        SqlTypeName name = left.getSqlTypeName();
        return kind == SqlKind.MINUS && name == right.getSqlTypeName()
                && (name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    }

    /**
     * A {@code +} or {@code -} typed by itself: it is put in place of Calcite's operator once the operand
     * types are known, so it is never looked up by name (Calcite's would be found instead).
     */
    private static SqlBinaryOperator dayArithmetic(String name, SqlKind kind) {
        SqlReturnTypeInference returnType = binding -> dayArithmeticType(binding, kind);
        return new SqlBinaryOperator(name, kind, 40, true, returnType, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY) {
            @Override
            public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
                return validateOperands(validator, scope, call);
            }
        };
    }

    private static RelDataType dayArithmeticType(SqlOperatorBinding binding, SqlKind kind) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        boolean nullable = left.isNullable() || right.isNullable();
        SqlTypeName result = kind == SqlKind.MINUS && right.getSqlTypeName() == SqlTypeName.DATE
                ? SqlTypeName.INTEGER : SqlTypeName.DATE;
        return factory.createTypeWithNullability(factory.createSqlType(result), nullable);
    }

    /** Ours in place of another function of the same name (Calcite's parser creates some), else null. */
    static SqlOperator replacement(SqlOperator operator) {
        SqlOperator ours = operator instanceof SqlFunction ? BY_NAME.get(operator.getName().toUpperCase(Locale.ROOT)) : null;
        return ours == operator ? null : ours;
    }

    /** Calcite's own {@code +} and {@code -}, whose calls on dates and integers get the day arithmetic operators. */
    static boolean isStandard(SqlOperator operator) {
        return operator == SqlStdOperatorTable.PLUS || operator == SqlStdOperatorTable.MINUS;
    }
}
