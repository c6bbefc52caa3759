package io.cepheid.server;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.expression.ValueFormatter;
import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * An executor expression as PostgreSQL-style SQL text for EXPLAIN: every operator in parentheses
 * ({@code ((l_qty > 5) AND (l_tax IS NULL))}), strings and dates quoted, casts as {@code ::type}, an OR of
 * equalities on one column with constants folded back into the IN list it came from. Columns are named by
 * the caller, so the same renderer serves filters (input names) and join conditions ("outer"/"inner").
 */
final class ExpressionText {
    private ExpressionText() {
    }

    static String of(ExprSpec expression, IntFunction<String> columnName) {
        StringBuilder text = new StringBuilder();
        append(expression, columnName, text);
        return text.toString();
    }

    private static void append(ExprSpec expression, IntFunction<String> columnName, StringBuilder text) {
        switch (expression) {
            case ExprSpec.InputRef ref -> text.append(columnName.apply(ref.index()));
            case ExprSpec.Literal literal -> text.append(literal(literal.value(), literal.type()));
            case ExprSpec.Call call -> appendCall(call, columnName, text);
        }
    }

    /** A constant as SQL: numbers bare, strings, dates and timestamps quoted, NULL for null. */
    static String literal(Object value, SqlType type) {
        return switch (value) {
            case null -> "NULL";
            case String string -> "'" + string.replace("'", "''") + "'";
            case Boolean bool -> bool.toString();
            case Double number -> ValueFormatter.formatDouble(number, type instanceof SqlType.RealType);
            case Long number -> switch (type) {
                case SqlType.DateType d -> "'" + ValueFormatter.formatLong(type, number) + "'";
                case SqlType.TimestampType t -> "'" + ValueFormatter.formatLong(type, number) + "'";
                case SqlType.TimestampTzType t -> "'" + ValueFormatter.formatLong(type, number) + "'";
                case SqlType.TimeType t -> "'" + ValueFormatter.formatLong(type, number) + "'";
                default -> ValueFormatter.formatLong(type, number);
            };
            // A wide DECIMAL (precision over 18) holds its unscaled value as a BigInteger.
            case BigInteger unscaled when type instanceof SqlType.DecimalType decimal ->
                    new BigDecimal(unscaled, decimal.scale()).toPlainString();
            default -> value.toString();
        };
    }

    private static void appendCall(ExprSpec.Call call, IntFunction<String> columnName, StringBuilder text) {
        List<ExprSpec> args = call.arguments();
        switch (call.function()) {
            case ADD, ADD_DAYS -> binary("+", args, columnName, text);
            case SUBTRACT, DAYS_BETWEEN -> binary("-", args, columnName, text);
            case MULTIPLY -> binary("*", args, columnName, text);
            case DIVIDE -> binary("/", args, columnName, text);
            case MOD -> binary("%", args, columnName, text);
            case EQ -> binary("=", args, columnName, text);
            case NE -> binary("<>", args, columnName, text);
            case LT -> binary("<", args, columnName, text);
            case LE -> binary("<=", args, columnName, text);
            case GT -> binary(">", args, columnName, text);
            case GE -> binary(">=", args, columnName, text);
            case IS_NOT_DISTINCT_FROM -> binary("IS NOT DISTINCT FROM", args, columnName, text);
            case CONCAT -> binary("||", args, columnName, text);
            case AND -> {
                if (!appendInList(call, "<>", " NOT IN (", columnName, text)) {
                    binary("AND", args, columnName, text);
                }
            }
            case OR -> {
                if (!appendInList(call, "=", " IN (", columnName, text)) {
                    binary("OR", args, columnName, text);
                }
            }
            case NOT -> {
                text.append("(NOT ");
                append(args.getFirst(), columnName, text);
                text.append(')');
            }
            case NEGATE -> {
                text.append("(- ");
                append(args.getFirst(), columnName, text);
                text.append(')');
            }
            case IS_NULL -> postfix(" IS NULL", args, columnName, text);
            case IS_NOT_NULL -> postfix(" IS NOT NULL", args, columnName, text);
            case IS_TRUE -> postfix(" IS TRUE", args, columnName, text);
            case IS_FALSE -> postfix(" IS FALSE", args, columnName, text);
            case IS_NOT_TRUE -> postfix(" IS NOT TRUE", args, columnName, text);
            case IS_NOT_FALSE -> postfix(" IS NOT FALSE", args, columnName, text);
            case LIKE -> pattern("LIKE", args, columnName, text);
            case ILIKE -> pattern("ILIKE", args, columnName, text);
            case SIMILAR_TO -> pattern("SIMILAR TO", args, columnName, text);
            case REGEXP_MATCH -> binary(args.size() > 2 && args.get(2) instanceof ExprSpec.Literal flags
                    && "i".equals(flags.value()) ? "~*" : "~", args.subList(0, 2), columnName, text);
            case CAST -> {
                // PostgreSQL's form: x::type, 5::numeric, '2024-01-01'::date; parentheses only where :: would bind
                // to less than the whole argument (a negative number, a CASE).
                String argument = of(args.getFirst(), columnName);
                boolean bare = !argument.startsWith("-") && !argument.startsWith("CASE");
                text.append(bare ? argument : "(" + argument + ")").append("::").append(call.type().displayName());
            }
            case CASE -> {
                text.append("CASE");
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    text.append(" WHEN ");
                    append(args.get(i), columnName, text);
                    text.append(" THEN ");
                    append(args.get(i + 1), columnName, text);
                }
                text.append(" ELSE ");
                append(args.getLast(), columnName, text);
                text.append(" END");
            }
            case EXTRACT -> function("date_part", args, columnName, text);
            case ADD_MICROS -> {
                text.append('(');
                append(args.get(0), columnName, text);
                text.append(" + ");
                if (args.get(1) instanceof ExprSpec.Literal micros && micros.value() instanceof Long value) {
                    text.append('\'').append(value).append(" microseconds'::interval");
                } else {
                    append(args.get(1), columnName, text);
                }
                text.append(')');
            }
            default -> function(call.function().name().toLowerCase(Locale.ROOT), args, columnName, text);
        }
    }

    /** {@code (a op b op c)}: AND and OR flattened by the planner may have more than two arguments. */
    private static void binary(String operator, List<ExprSpec> args, IntFunction<String> columnName, StringBuilder text) {
        text.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                text.append(' ').append(operator).append(' ');
            }
            append(args.get(i), columnName, text);
        }
        text.append(')');
    }

    private static void postfix(String operator, List<ExprSpec> args, IntFunction<String> columnName, StringBuilder text) {
        text.append('(');
        append(args.getFirst(), columnName, text);
        text.append(operator).append(')');
    }

    private static void pattern(String operator, List<ExprSpec> args, IntFunction<String> columnName, StringBuilder text) {
        binary(operator, args.subList(0, 2), columnName, text);
        if (args.size() > 2) {
            text.setLength(text.length() - 1);
            text.append(" ESCAPE ");
            append(args.get(2), columnName, text);
            text.append(')');
        }
    }

    private static void function(String name, List<ExprSpec> args, IntFunction<String> columnName, StringBuilder text) {
        text.append(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            append(args.get(i), columnName, text);
        }
        text.append(')');
    }

    /**
     * {@code (x IN (1, 2))} for an OR of {@code x = constant} over one column (what Calcite expands an IN
     * list into), likewise NOT IN for an AND of {@code <>}; false when the call has another shape.
     */
    private static boolean appendInList(ExprSpec.Call call, String comparison, String keyword,
                                        IntFunction<String> columnName, StringBuilder text) {
        Function wanted = comparison.equals("=") ? Function.EQ : Function.NE;
        ExprSpec operand = null;
        List<ExprSpec.Literal> values = new ArrayList<>();
        for (ExprSpec argument : call.arguments()) {
            if (!(argument instanceof ExprSpec.Call compare) || compare.function() != wanted
                    || !(compare.arguments().get(1) instanceof ExprSpec.Literal value)
                    || operand != null && !operand.equals(compare.arguments().getFirst())) {
                return false;
            }
            operand = compare.arguments().getFirst();
            values.add(value);
        }
        if (values.size() < 2) {
            return false;
        }
        text.append('(');
        append(operand, columnName, text);
        text.append(keyword);
        for (int i = 0; i < values.size(); i++) {
            text.append(i > 0 ? ", " : "").append(literal(values.get(i).value(), values.get(i).type()));
        }
        text.append("))");
        return true;
    }
}
