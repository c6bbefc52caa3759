package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlPosixRegexOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates Calcite row expressions into executor {@link ExprSpec}s: literals into their physical
 * representation, operators into {@link Function}s, with casts made explicit where operand types differ
 * (the executor's kernels work on one type per operation). Bound parameters become literals.
 */
public final class RexToExpr {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final RexBuilder rexBuilder;
    private final List<Object> parameters;
    /**
     * When the statement started (microseconds since the epoch, UTC): GETDATE, SYSDATE, NOW, CURRENT_DATE
     * and CURRENT_TIMESTAMP are this one value in every row and every slice.
     */
    private final long statementStart;

    public RexToExpr(RexBuilder rexBuilder, List<Object> parameters) {
        this.rexBuilder = rexBuilder;
        this.parameters = parameters;
        Instant now = Instant.now();
        this.statementStart = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** TIMEOFDAY's text, Redshift's {@code Thu Sep 19 22:53:50.333525 2013 UTC} (the session time zone is UTC). */
    private static String timeOfDay(long micros) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy 'UTC'", Locale.ROOT).format(time);
    }

    public ExprSpec convert(RexNode node) {
        return switch (node) {
            case RexInputRef ref -> new ExprSpec.InputRef(ref.getIndex(), TypeMapping.toSqlType(ref.getType()));
            case RexLiteral literal -> literal(literal);
            case RexDynamicParam param -> parameter(param);
            case RexCall call -> call(call);
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "expression not supported: " + node);
        };
    }

    private ExprSpec parameter(RexDynamicParam param) {
        if (param.getIndex() >= parameters.size()) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "no value supplied for parameter $" + (param.getIndex() + 1));
        }
        SqlType type = TypeMapping.toSqlType(param.getType());
        return new ExprSpec.Literal(LiteralValues.fromJava(parameters.get(param.getIndex()), type), type);
    }

    private ExprSpec literal(RexLiteral literal) {
        SqlType type = TypeMapping.toSqlType(literal.getType());
        if (literal.isNull()) {
            return new ExprSpec.Literal(null, type);
        }
        Object value = switch (literal.getType().getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
            case DECIMAL -> {
                BigDecimal decimal = literal.getValueAs(BigDecimal.class);
                yield LiteralValues.unscaledValue(decimal, (SqlType.DecimalType) type);
            }
            case REAL, FLOAT, DOUBLE -> literal.getValueAs(Double.class);
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            case DATE -> (long) literal.getValueAs(DateString.class).getDaysSinceEpoch();
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> epochMicros(literal.getValueAs(TimestampString.class));
            case TIME -> LocalTime.parse(literal.getValueAs(TimeString.class).toString()).toNanoOfDay() / 1000;
            // Calcite holds a day-time interval in milliseconds; ours is microseconds.
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
                    literal.getValueAs(BigDecimal.class).multiply(BigDecimal.valueOf(1000L)).longValueExact();
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "literal of type " + literal.getType() + " is not supported");
        };
        return new ExprSpec.Literal(value, type);
    }

    /** Microseconds since the epoch, fraction included (TimestampString's millis would drop the last three digits). */
    private static long epochMicros(TimestampString timestamp) {
        java.time.LocalDateTime value = java.time.LocalDateTime.parse(timestamp.toString().replace(' ', 'T'));
        return value.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1000;
    }

    private ExprSpec call(RexCall call) {
        SqlType type = call.getKind() == SqlKind.SEARCH ? SqlType.BOOLEAN : TypeMapping.toSqlType(call.getType());
        return switch (call.getKind()) {
            case SEARCH -> convert(RexUtil.expandSearch(rexBuilder, null, call));
            case PLUS, MINUS -> datetimeArithmeticOr(call, type);
            case TIMES -> arithmetic(Function.MULTIPLY, call, type);
            case DIVIDE -> arithmetic(Function.DIVIDE, call, type);
            case MOD -> arithmetic(Function.MOD, call, type);
            case MINUS_PREFIX -> arithmetic(Function.NEGATE, call, type);
            case PLUS_PREFIX -> convert(call.getOperands().getFirst());
            case EQUALS -> comparison(Function.EQ, call);
            case NOT_EQUALS -> comparison(Function.NE, call);
            case LESS_THAN -> comparison(Function.LT, call);
            case LESS_THAN_OR_EQUAL -> comparison(Function.LE, call);
            case GREATER_THAN -> comparison(Function.GT, call);
            case GREATER_THAN_OR_EQUAL -> comparison(Function.GE, call);
            case IS_NOT_DISTINCT_FROM -> comparison(Function.IS_NOT_DISTINCT_FROM, call);
            case IS_DISTINCT_FROM -> new ExprSpec.Call(Function.NOT,
                    List.of(comparison(Function.IS_NOT_DISTINCT_FROM, call)), SqlType.BOOLEAN);
            case AND -> simple(Function.AND, call, SqlType.BOOLEAN);
            case OR -> simple(Function.OR, call, SqlType.BOOLEAN);
            case NOT -> simple(Function.NOT, call, SqlType.BOOLEAN);
            case IS_NULL -> simple(Function.IS_NULL, call, SqlType.BOOLEAN);
            case IS_NOT_NULL -> simple(Function.IS_NOT_NULL, call, SqlType.BOOLEAN);
            case IS_TRUE -> simple(Function.IS_TRUE, call, SqlType.BOOLEAN);
            case IS_FALSE -> simple(Function.IS_FALSE, call, SqlType.BOOLEAN);
            case IS_NOT_TRUE -> simple(Function.IS_NOT_TRUE, call, SqlType.BOOLEAN);
            case IS_NOT_FALSE -> simple(Function.IS_NOT_FALSE, call, SqlType.BOOLEAN);
            case LIKE -> like(call);
            case CASE -> caseWhen(call, type);
            case CAST -> cast(call, type);
            case COALESCE -> new ExprSpec.Call(Function.COALESCE, coerceAll(call.getOperands(), type), type);
            case TRIM -> trim(call, type);
            case EXTRACT -> extract(call, type);
            // strings and regular expressions (issue 3 section 2)
            case POSITION -> position(call.getOperands().get(0), call.getOperands().get(1), call, type);
            case SIMILAR -> similarTo(call);
            case POSIX_REGEX_CASE_SENSITIVE, POSIX_REGEX_CASE_INSENSITIVE -> posixRegex(call);
            default -> namedFunction(call, type);
        };
    }

    private ExprSpec namedFunction(RexCall call, SqlType type) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "||", "CONCAT" -> new ExprSpec.Call(Function.CONCAT, convertAll(call.getOperands()), type);
            case "UPPER" -> simple(Function.UPPER, call, type);
            case "LOWER" -> simple(Function.LOWER, call, type);
            case "SUBSTRING" -> new ExprSpec.Call(Function.SUBSTRING, convertAll(call.getOperands()), type);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH", "LEN" -> simple(Function.CHAR_LENGTH, call, type);
            case "ABS" -> new ExprSpec.Call(Function.ABS, coerceAll(call.getOperands(), type), type);
            case "ROUND" -> rounding(Function.ROUND, call, type);
            case "TRUNC", "TRUNCATE" -> rounding(Function.TRUNC, call, type);
            case "CEIL", "CEILING" -> rounding(Function.CEIL, call, type);
            case "FLOOR" -> rounding(Function.FLOOR, call, type);
            case "SIGN" -> rounding(Function.SIGN, call, type);
            case "SQRT" -> new ExprSpec.Call(Function.SQRT, coerceAll(call.getOperands(), SqlType.DOUBLE), type);
            case "EXP" -> new ExprSpec.Call(Function.EXP, coerceAll(call.getOperands(), SqlType.DOUBLE), type);
            case "LN" -> new ExprSpec.Call(Function.LN, coerceAll(call.getOperands(), SqlType.DOUBLE), type);
            case "LOG10" -> new ExprSpec.Call(Function.LOG10, coerceAll(call.getOperands(), SqlType.DOUBLE), type);
            case "POWER" -> new ExprSpec.Call(Function.POWER, coerceAll(call.getOperands(), SqlType.DOUBLE), type);
            // date/time (Redshift): the date part or format is a string literal, compiled once by the executor
            case "DATEADD" -> simple(Function.DATEADD, call, type);
            case "DATEDIFF" -> simple(Function.DATEDIFF, call, type);
            case "DATE_TRUNC" -> simple(Function.DATE_TRUNC, call, type);
            case "DATE_PART", "DATEPART" -> simple(Function.EXTRACT, call, type);
            case "ADD_MONTHS" -> simple(Function.ADD_MONTHS, call, type);
            case "LAST_DAY" -> simple(Function.LAST_DAY, call, type);
            case "MONTHS_BETWEEN" -> simple(Function.MONTHS_BETWEEN, call, type);
            case "NEXT_DAY" -> simple(Function.NEXT_DAY, call, type);
            case "TO_CHAR" -> simple(Function.TO_CHAR, call, type);
            case "TO_DATE" -> simple(Function.TO_DATE, call, type);
            case "TO_TIMESTAMP" -> simple(Function.TO_TIMESTAMP, call, type);
            case "GETDATE" -> new ExprSpec.Literal(statementStart - Math.floorMod(statementStart, 1_000_000L), type);
            case "SYSDATE", "NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> new ExprSpec.Literal(statementStart, type);
            case "CURRENT_DATE" -> new ExprSpec.Literal(Math.floorDiv(statementStart, MICROS_PER_DAY), type);
            case "TIMEOFDAY" -> new ExprSpec.Literal(timeOfDay(statementStart), type);
            default -> stringFunction(name, call, type);
        };
    }

    // ---- strings, conditionals and regular expressions (issue 3 section 2) ----

    private ExprSpec stringFunction(String name, RexCall call, SqlType type) {
        List<RexNode> operands = call.getOperands();
        return switch (name) {
            case "CHARINDEX" -> position(operands.get(0), operands.get(1), call, type);
            case "OCTET_LENGTH" -> simple(Function.OCTET_LENGTH, call, type);
            case "INITCAP" -> simple(Function.INITCAP, call, type);
            case "REVERSE" -> simple(Function.REVERSE, call, type);
            case "ASCII" -> simple(Function.ASCII, call, type);
            case "MD5" -> simple(Function.MD5, call, type);
            case "QUOTE_IDENT" -> simple(Function.QUOTE_IDENT, call, type);
            case "QUOTE_LITERAL" -> simple(Function.QUOTE_LITERAL, call, type);
            case "CHR" -> new ExprSpec.Call(Function.CHR, List.of(integerArgument(operands.getFirst())), type);
            case "LEFT" -> stringAndIntegers(Function.LEFT, call, type);
            case "RIGHT" -> stringAndIntegers(Function.RIGHT, call, type);
            case "REPEAT", "REPLICATE" -> stringAndIntegers(Function.REPEAT, call, type);
            case "LPAD", "RPAD" -> new ExprSpec.Call(name.equals("LPAD") ? Function.LPAD : Function.RPAD,
                    List.of(convert(operands.get(0)), integerArgument(operands.get(1)),
                            operands.size() > 2 ? convert(operands.get(2)) : varchar(" ")), type);
            case "REPLACE" -> simple(Function.REPLACE, call, type);
            case "TRANSLATE3" -> simple(Function.TRANSLATE, call, type);
            case "SPLIT_PART" -> new ExprSpec.Call(Function.SPLIT_PART, List.of(convert(operands.get(0)),
                    convert(operands.get(1)), integerArgument(operands.get(2))), type);
            case "BTRIM", "LTRIM", "RTRIM" -> {
                Function function = name.equals("BTRIM") ? Function.TRIM : name.equals("LTRIM") ? Function.LTRIM : Function.RTRIM;
                yield new ExprSpec.Call(function, List.of(convert(operands.get(0)),
                        operands.size() > 1 ? convert(operands.get(1)) : varchar(" ")), type);
            }
            case "NVL" -> new ExprSpec.Call(Function.COALESCE, coerceAll(operands, type), type);
            case "REGEXP_SUBSTR" -> regex(Function.REGEXP_SUBSTR, call, type, List.of(bigint(1), bigint(1), varchar("c")));
            case "REGEXP_COUNT" -> regex(Function.REGEXP_COUNT, call, type, List.of(bigint(1), varchar("c")));
            case "REGEXP_INSTR" -> regex(Function.REGEXP_INSTR, call, type,
                    List.of(bigint(1), bigint(1), bigint(0), varchar("c")));
            case "REGEXP_REPLACE" -> regex(Function.REGEXP_REPLACE, call, type, List.of(varchar(""), bigint(1), varchar("c")));
            default -> throw new CepheidException(ErrorCode.UNDEFINED_FUNCTION,
                    "function " + call.getOperator().getName() + " is not supported yet");
        };
    }

    /**
     * POSITION(needle IN haystack), which Calcite also makes of STRPOS(haystack, needle), and
     * CHARINDEX(needle, haystack).
     */
    private ExprSpec position(RexNode needle, RexNode haystack, RexCall call, SqlType type) {
        if (call.getOperands().size() > 2 && call.getKind() == SqlKind.POSITION) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "POSITION ... FROM is not supported");
        }
        return new ExprSpec.Call(Function.POSITION, List.of(convert(haystack), convert(needle)), type);
    }

    /** A string followed by integer arguments (LEFT, RIGHT, REPEAT). */
    private ExprSpec stringAndIntegers(Function function, RexCall call, SqlType type) {
        List<ExprSpec> operands = new ArrayList<>();
        operands.add(convert(call.getOperands().getFirst()));
        for (RexNode operand : call.getOperands().subList(1, call.getOperands().size())) {
            operands.add(integerArgument(operand));
        }
        return new ExprSpec.Call(function, operands, type);
    }

    /** An integer argument as the executor reads it: any integer type as is, anything else cast to BIGINT. */
    private ExprSpec integerArgument(RexNode node) {
        ExprSpec converted = convert(node);
        return SqlTypeFamily.INTEGER.contains(node.getType()) ? converted : coerce(converted, SqlType.BIGINT);
    }

    /** A REGEXP_* call with the arguments the SQL left out filled in from {@code defaults} (those after the pattern). */
    private ExprSpec regex(Function function, RexCall call, SqlType type, List<ExprSpec> defaults) {
        List<RexNode> operands = call.getOperands();
        List<ExprSpec> arguments = new ArrayList<>();
        arguments.add(convert(operands.get(0)));
        arguments.add(convert(operands.get(1)));
        for (int i = 0; i < defaults.size(); i++) {
            int index = i + 2;
            if (index >= operands.size()) {
                arguments.add(defaults.get(i));
            } else if (defaults.get(i).type() instanceof SqlType.BigIntType) {
                arguments.add(integerArgument(operands.get(index)));
            } else {
                arguments.add(convert(operands.get(index)));
            }
        }
        return new ExprSpec.Call(function, arguments, type);
    }

    private ExprSpec similarTo(RexCall call) {
        SqlLikeOperator operator = (SqlLikeOperator) call.getOperator();
        ExprSpec similar = new ExprSpec.Call(Function.SIMILAR_TO, convertAll(call.getOperands()), SqlType.BOOLEAN);
        return operator.isNegated() ? new ExprSpec.Call(Function.NOT, List.of(similar), SqlType.BOOLEAN) : similar;
    }

    /** {@code ~}, {@code ~*}, {@code !~}, {@code !~*}. */
    private ExprSpec posixRegex(RexCall call) {
        boolean insensitive = call.getKind() == SqlKind.POSIX_REGEX_CASE_INSENSITIVE;
        List<RexNode> operands = call.getOperands();
        ExprSpec match = new ExprSpec.Call(Function.REGEXP_MATCH, List.of(convert(operands.get(0)),
                convert(operands.get(1)), varchar(insensitive ? "i" : "c")), SqlType.BOOLEAN);
        boolean negated = ((SqlPosixRegexOperator) call.getOperator()).isNegated();
        return negated ? new ExprSpec.Call(Function.NOT, List.of(match), SqlType.BOOLEAN) : match;
    }

    private static ExprSpec varchar(String value) {
        return new ExprSpec.Literal(value, SqlType.VARCHAR);
    }

    private static ExprSpec bigint(long value) {
        return new ExprSpec.Literal(value, SqlType.BIGINT);
    }

    /**
     * ROUND, TRUNC, CEIL, FLOOR, SIGN of a number: a floating result takes its value as DOUBLE, an exact one
     * keeps the value's own type (the evaluator rescales DECIMALs). FLOOR/CEIL of a date/time are not these.
     */
    private ExprSpec rounding(Function function, RexCall call, SqlType type) {
        if (!SqlTypeFamily.NUMERIC.contains(call.getOperands().getFirst().getType())
                || (call.getOperands().size() > 1 && !SqlTypeFamily.INTEGER.contains(call.getOperands().get(1).getType()))) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    call.getOperator().getName() + " is supported on numbers only: " + call);
        }
        List<ExprSpec> operands = convertAll(call.getOperands());
        if (type instanceof SqlType.DoubleType || type instanceof SqlType.RealType) {
            operands.set(0, coerce(operands.getFirst(), SqlType.DOUBLE));
        }
        return new ExprSpec.Call(function, operands, type);
    }

    private ExprSpec simple(Function function, RexCall call, SqlType type) {
        return new ExprSpec.Call(function, convertAll(call.getOperands()), type);
    }

    private List<ExprSpec> convertAll(List<RexNode> nodes) {
        List<ExprSpec> result = new ArrayList<>(nodes.size());
        for (RexNode node : nodes) {
            result.add(convert(node));
        }
        return result;
    }

    /** Converts operands and casts each to {@code type} unless it already is of it. */
    private List<ExprSpec> coerceAll(List<RexNode> nodes, SqlType type) {
        List<ExprSpec> result = new ArrayList<>(nodes.size());
        for (RexNode node : nodes) {
            result.add(coerce(convert(node), type));
        }
        return result;
    }

    static ExprSpec coerce(ExprSpec expr, SqlType target) {
        if (expr.type().equals(target) || (SqlType.isString(expr.type()) && SqlType.isString(target))) {
            return expr;
        }
        if (expr instanceof ExprSpec.Literal literal && literal.value() == null) {
            return new ExprSpec.Literal(null, target);
        }
        return new ExprSpec.Call(Function.CAST, List.of(expr), target);
    }

    /**
     * Arithmetic operands must share the result's family: integer operands of a DECIMAL result become
     * DECIMAL(p,0), and anything combined with a float becomes DOUBLE. DECIMAL operands keep their own scale.
     */
    private ExprSpec arithmetic(Function function, RexCall call, SqlType type) {
        List<ExprSpec> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            ExprSpec converted = convert(operand);
            operands.add(arithmeticOperand(converted, type));
        }
        return new ExprSpec.Call(function, operands, type);
    }

    private static ExprSpec arithmeticOperand(ExprSpec operand, SqlType resultType) {
        if (resultType instanceof SqlType.DecimalType) {
            if (operand.type() instanceof SqlType.DecimalType) {
                return operand;
            }
            SqlType asDecimal = switch (operand.type()) {
                case SqlType.SmallIntType t -> new SqlType.DecimalType(5, 0);
                case SqlType.IntegerType t -> new SqlType.DecimalType(10, 0);
                // BIGINT has 19 digits: DECIMAL(19,0), the 128-bit representation.
                default -> new SqlType.DecimalType(19, 0);
            };
            return coerce(operand, asDecimal);
        }
        return coerce(operand, resultType);
    }

    private ExprSpec comparison(Function function, RexCall call) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        RelDataType common = rexBuilder.getTypeFactory().leastRestrictive(List.of(left.getType(), right.getType()));
        ExprSpec l = convert(left);
        ExprSpec r = convert(right);
        if (common != null && !(SqlType.isString(l.type()) && SqlType.isString(r.type()))) {
            SqlType target = TypeMapping.toSqlType(common);
            l = coerce(l, target);
            r = coerce(r, target);
        }
        return new ExprSpec.Call(function, List.of(l, r), SqlType.BOOLEAN);
    }

    private ExprSpec like(RexCall call) {
        SqlLikeOperator operator = (SqlLikeOperator) call.getOperator();
        Function function = operator.isCaseSensitive() ? Function.LIKE : Function.ILIKE;
        ExprSpec like = new ExprSpec.Call(function, convertAll(call.getOperands()), SqlType.BOOLEAN);
        return operator.isNegated() ? new ExprSpec.Call(Function.NOT, List.of(like), SqlType.BOOLEAN) : like;
    }

    private ExprSpec caseWhen(RexCall call, SqlType type) {
        List<RexNode> operands = call.getOperands();
        List<ExprSpec> converted = new ArrayList<>();
        for (int i = 0; i < operands.size() - 1; i += 2) {
            converted.add(convert(operands.get(i)));
            converted.add(coerce(convert(operands.get(i + 1)), type));
        }
        converted.add(coerce(convert(operands.getLast()), type));
        return new ExprSpec.Call(Function.CASE, converted, type);
    }

    private ExprSpec cast(RexCall call, SqlType type) {
        ExprSpec operand = convert(call.getOperands().getFirst());
        if (operand.type().equals(type)) {
            return operand;
        }
        if (operand instanceof ExprSpec.Literal literal && literal.value() == null) {
            return new ExprSpec.Literal(null, type);
        }
        return new ExprSpec.Call(Function.CAST, List.of(operand), type);
    }

    private ExprSpec trim(RexCall call, SqlType type) {
        SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
        ExprSpec characters = convert(call.getOperands().get(1));
        ExprSpec value = convert(call.getOperands().get(2));
        Function function = switch (flag) {
            case BOTH -> Function.TRIM;
            case LEADING -> Function.LTRIM;
            case TRAILING -> Function.RTRIM;
        };
        return new ExprSpec.Call(function, List.of(value, characters), type);
    }

    private ExprSpec extract(RexCall call, SqlType type) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        ExprSpec unitLiteral = new ExprSpec.Literal(unit.name().toLowerCase(Locale.ROOT), SqlType.VARCHAR);
        return new ExprSpec.Call(Function.EXTRACT, List.of(unitLiteral, convert(call.getOperands().get(1))), type);
    }

    /**
     * Date/time PLUS and MINUS: Redshift's day arithmetic ({@code date ± integer}, {@code date - date}) and
     * {@code datetime ± interval}. An interval is a literal: both sides literal (TPC-H's
     * {@code date '1998-12-01' - interval '90' day}) folds here, otherwise a day-time interval adds
     * microseconds and a year-month interval adds months. Everything else is ordinary arithmetic.
     */
    private ExprSpec datetimeArithmeticOr(RexCall call, SqlType type) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        boolean plus = call.getKind() == SqlKind.PLUS;
        boolean leftDate = left.getType().getSqlTypeName() == SqlTypeName.DATE;
        boolean rightDate = right.getType().getSqlTypeName() == SqlTypeName.DATE;
        if (!plus && leftDate && rightDate) {
            return new ExprSpec.Call(Function.DAYS_BETWEEN, List.of(convert(left), convert(right)), type);
        }
        if (type instanceof SqlType.IntervalType && isDatetime(left) && isDatetime(right)) {
            // timestamp - timestamp: both are microseconds since the epoch, so the interval is their difference.
            return new ExprSpec.Call(Function.SUBTRACT, List.of(convert(left), convert(right)), type);
        }
        if (plus && isInterval(left) && !isInterval(right)) {
            RexNode swap = left;
            left = right;
            right = swap;
            leftDate = rightDate;
        }
        if (!(plus && rightDate && SqlTypeFamily.INTEGER.contains(left.getType())) && !isDatetime(left)) {
            return arithmetic(plus ? Function.ADD : Function.SUBTRACT, call, type);
        }
        if (plus && rightDate && !leftDate) {
            RexNode swap = left;
            left = right;
            right = swap;
        }
        ExprSpec base = convert(left);
        if (SqlTypeFamily.INTEGER.contains(right.getType())) {
            ExprSpec days = convert(right);
            if (!plus) {
                days = new ExprSpec.Call(Function.NEGATE, List.of(days), days.type());
            }
            return new ExprSpec.Call(Function.ADD_DAYS, List.of(base, days), type);
        }
        if (!(right instanceof RexLiteral) && isInterval(right) && !isYearMonth(right)) {
            // An interval value (timestamp - timestamp, or arithmetic on one): microseconds to add.
            ExprSpec micros = convert(right);
            if (!plus) {
                micros = new ExprSpec.Call(Function.NEGATE, List.of(micros), micros.type());
            }
            return new ExprSpec.Call(Function.ADD_MICROS, List.of(coerce(base, type), micros), type);
        }
        if (!(right instanceof RexLiteral interval) || !isInterval(right)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "date/time arithmetic needs an integer or a constant interval: " + call);
        }
        int sign = plus ? 1 : -1;
        if (base instanceof ExprSpec.Literal baseLiteral) {
            return foldDatetimePlusInterval(baseLiteral, interval, sign, type);
        }
        if (interval.isNull()) {
            return new ExprSpec.Literal(null, type);
        }
        BigDecimal amount = interval.getValueAs(BigDecimal.class);
        ExprSpec converted = coerce(base, type);
        if (isYearMonth(interval)) {
            return new ExprSpec.Call(Function.DATEADD, List.of(new ExprSpec.Literal("month", SqlType.VARCHAR),
                    new ExprSpec.Literal(sign * amount.longValueExact(), SqlType.BIGINT), converted), type);
        }
        long micros = amount.multiply(BigDecimal.valueOf(1000L)).longValueExact();
        return new ExprSpec.Call(Function.ADD_MICROS,
                List.of(converted, new ExprSpec.Literal(sign * micros, SqlType.BIGINT)), type);
    }

    private static boolean isInterval(RexNode node) {
        return SqlTypeName.INTERVAL_TYPES.contains(node.getType().getSqlTypeName());
    }

    private static boolean isDatetime(RexNode node) {
        SqlTypeName name = node.getType().getSqlTypeName();
        return name == SqlTypeName.DATE || name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean isYearMonth(RexNode interval) {
        TimeUnit end = interval.getType().getSqlTypeName().getEndUnit();
        return end == TimeUnit.MONTH || end == TimeUnit.YEAR;
    }

    private static ExprSpec foldDatetimePlusInterval(ExprSpec.Literal base, RexLiteral interval, int sign, SqlType type) {
        if (base.value() == null || interval.isNull()) {
            return new ExprSpec.Literal(null, type);
        }
        BigDecimal amount = interval.getValueAs(BigDecimal.class);
        boolean yearMonth = isYearMonth(interval);
        LocalDateTime start = base.type() instanceof SqlType.DateType
                ? LocalDate.ofEpochDay((Long) base.value()).atStartOfDay()
                : LocalDateTime.ofEpochSecond(Math.floorDiv((Long) base.value(), 1_000_000L),
                (int) Math.floorMod((Long) base.value(), 1_000_000L) * 1000, ZoneOffset.UTC);
        LocalDateTime result = yearMonth
                ? start.plusMonths(sign * amount.longValueExact())
                : start.plusNanos(sign * amount.multiply(BigDecimal.valueOf(1_000_000L)).longValueExact());
        Object value = type instanceof SqlType.DateType
                ? result.toLocalDate().toEpochDay()
                : result.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + result.getNano() / 1000;
        return new ExprSpec.Literal(value, type);
    }
}
