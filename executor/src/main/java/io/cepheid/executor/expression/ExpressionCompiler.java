package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** Turns an {@link ExprSpec} tree into a tree of vectorized {@link Evaluator}s, once per operator. */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** Compiles {@code spec}; every vector the evaluators produce is allocated from {@code allocator}. */
    public static Evaluator compile(ExprSpec spec, BufferAllocator allocator) {
        return switch (spec) {
            case ExprSpec.InputRef ref -> new InputRefEvaluator(ref.index(), ref.type(), allocator);
            case ExprSpec.Literal literal -> new LiteralEvaluator(literal.value(), literal.type(), allocator);
            case ExprSpec.Call call -> compileCall(call, allocator);
        };
    }

    private static Evaluator compileCall(ExprSpec.Call call, BufferAllocator allocator) {
        List<Evaluator> args = new ArrayList<>(call.arguments().size());
        for (ExprSpec argument : call.arguments()) {
            args.add(compile(argument, allocator));
        }
        Function function = call.function();
        return switch (function) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MOD -> {
                expectArguments(call, 2, 2);
                yield new ArithmeticEvaluator(function, args.get(0), args.get(1), call.type(), allocator);
            }
            case NEGATE, ABS -> {
                expectArguments(call, 1, 1);
                yield new ArithmeticEvaluator(function, args.get(0), null, call.type(), allocator);
            }
            case EQ, NE, LT, LE, GT, GE, IS_NOT_DISTINCT_FROM -> {
                expectArguments(call, 2, 2);
                yield new ComparisonEvaluator(function, args.get(0), args.get(1), allocator);
            }
            case AND, OR -> {
                expectArguments(call, 1, Integer.MAX_VALUE);
                yield new LogicEvaluator(function, args, allocator);
            }
            case NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE -> {
                expectArguments(call, 1, 1);
                yield new LogicEvaluator(function, args, allocator);
            }
            case LIKE, ILIKE -> {
                expectArguments(call, 2, 3);
                yield new LikeEvaluator(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null,
                        function == Function.ILIKE, allocator);
            }
            case CASE -> {
                if (args.size() % 2 == 0) {
                    throw new IllegalArgumentException("CASE needs when/then pairs and an else: " + call);
                }
                yield new ConditionalEvaluator(function, args, call.type(), allocator);
            }
            case COALESCE -> {
                expectArguments(call, 1, Integer.MAX_VALUE);
                yield new ConditionalEvaluator(function, args, call.type(), allocator);
            }
            case CAST -> {
                expectArguments(call, 1, 1);
                yield new CastEvaluator(args.get(0), call.type(), allocator);
            }
            case CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, TRIM, LTRIM, RTRIM -> {
                expectArguments(call, 1, function == Function.SUBSTRING ? 3 : function == Function.CONCAT ? Integer.MAX_VALUE : 2);
                yield new StringFunctionEvaluator(function, args, call.type(), allocator);
            }
            case POSITION, LEFT, RIGHT, REPEAT -> {
                expectArguments(call, 2, 2);
                yield new StringFunctionEvaluator(function, args, call.type(), allocator);
            }
            case LPAD, RPAD, REPLACE, TRANSLATE, SPLIT_PART -> {
                expectArguments(call, 3, 3);
                yield new StringFunctionEvaluator(function, args, call.type(), allocator);
            }
            case OCTET_LENGTH, REVERSE, INITCAP, ASCII, CHR, MD5, QUOTE_IDENT, QUOTE_LITERAL -> {
                expectArguments(call, 1, 1);
                yield new StringFunctionEvaluator(function, args, call.type(), allocator);
            }
            case REGEXP_MATCH, SIMILAR_TO, REGEXP_SUBSTR, REGEXP_COUNT, REGEXP_INSTR, REGEXP_REPLACE -> {
                switch (function) {
                    case REGEXP_MATCH -> expectArguments(call, 3, 3);
                    case SIMILAR_TO -> expectArguments(call, 2, 3);
                    case REGEXP_COUNT -> expectArguments(call, 4, 4);
                    case REGEXP_SUBSTR, REGEXP_REPLACE -> expectArguments(call, 5, 5);
                    default -> expectArguments(call, 6, 6);
                }
                yield new RegexEvaluator(function, args, call.type(), allocator);
            }
            case EXTRACT -> {
                expectArguments(call, 2, 2);
                if (!(call.arguments().get(0) instanceof ExprSpec.Literal unit) || unit.value() == null) {
                    throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXTRACT needs a literal unit");
                }
                yield new ExtractEvaluator(unit.value().toString(), args.get(1), call.type(), allocator);
            }
            case ADD_DAYS, DAYS_BETWEEN, ADD_MONTHS, ADD_MICROS -> {
                expectArguments(call, 2, 2);
                yield new DatetimeFunctionEvaluator(function, null, args, call.type(), allocator);
            }
            case LAST_DAY -> {
                expectArguments(call, 1, 1);
                yield new DatetimeFunctionEvaluator(function, null, args, call.type(), allocator);
            }
            case DATEADD, DATEDIFF, DATE_TRUNC -> {
                expectArguments(call, function == Function.DATE_TRUNC ? 2 : 3, function == Function.DATE_TRUNC ? 2 : 3);
                DatePart part = DatePart.parse(literalText(call, 0));
                // The evaluator takes the date/time first: DATEADD(part, n, value) becomes (value, n).
                List<Evaluator> operands = function == Function.DATEADD ? List.of(args.get(2), args.get(1))
                        : args.subList(1, args.size());
                yield new DatetimeFunctionEvaluator(function, part, operands, call.type(), allocator);
            }
            case MONTHS_BETWEEN -> {
                expectArguments(call, 2, 2);
                yield new CalendarFunctionEvaluator(function, args.get(0), args.get(1), null, call.type(), allocator);
            }
            case NEXT_DAY -> {
                expectArguments(call, 2, 2);
                yield new CalendarFunctionEvaluator(function, args.get(0), null, literalText(call, 1), call.type(), allocator);
            }
            case TO_CHAR, TO_DATE, TO_TIMESTAMP -> {
                if (function == Function.TO_CHAR && isNumber(args.get(0).type())) {
                    expectArguments(call, 2, 2);
                    yield new NumericFormatEvaluator(args.get(0), literalText(call, 1), call.type(), allocator);
                }
                expectArguments(call, 2, function == Function.TO_DATE ? 3 : 2);
                boolean strict = args.size() > 2 && Boolean.parseBoolean(literalText(call, 2));
                yield new DatetimeFormatEvaluator(function, args.get(0), literalText(call, 1), strict, call.type(), allocator);
            }
            case ROUND, TRUNC -> {
                expectArguments(call, 1, 2);
                yield new MathEvaluator(function, args, call.type(), allocator);
            }
            case POWER -> {
                expectArguments(call, 2, 2);
                yield new MathEvaluator(function, args, call.type(), allocator);
            }
            case CEIL, FLOOR, SIGN, SQRT, EXP, LN, LOG10 -> {
                expectArguments(call, 1, 1);
                yield new MathEvaluator(function, args, call.type(), allocator);
            }
        };
    }

    /** The text of literal argument {@code index} (a date part, a format): compiled once, never per row. */
    private static String literalText(ExprSpec.Call call, int index) {
        if (!(call.arguments().get(index) instanceof ExprSpec.Literal literal) || literal.value() == null) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    call.function() + " needs a literal as argument " + (index + 1));
        }
        return literal.value().toString();
    }

    private static boolean isNumber(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> true;
            case SqlType.IntegerType t -> true;
            case SqlType.BigIntType t -> true;
            case SqlType.DecimalType t -> true;
            case SqlType.RealType t -> true;
            case SqlType.DoubleType t -> true;
            default -> false;
        };
    }

    private static void expectArguments(ExprSpec.Call call, int min, int max) {
        int count = call.arguments().size();
        if (count < min || count > max) {
            throw new IllegalArgumentException(call.function() + " takes " + min + ".." + max + " arguments, got " + count);
        }
    }
}
