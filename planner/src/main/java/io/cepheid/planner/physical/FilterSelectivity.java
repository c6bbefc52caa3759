package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.type.SqlType;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The fraction of rows a predicate keeps, from the ANALYZE statistics of the columns it compares: an
 * equality with a constant keeps (1 - null fraction) / distinct values (`key = 5` over 1000 distinct keys:
 * 1 row in 1000), a range comparison the share of [min, max] it covers, IS NULL the null fraction;
 * AND multiplies, OR adds less the overlap, NOT complements. Anything else keeps {@link #DEFAULT}. A
 * predicate that touches no analyzed column keeps {@link #DEFAULT} as a whole, as before statistics existed.
 */
final class FilterSelectivity {
    /** Rows a predicate keeps when nothing is known about it: one in four. */
    static final double DEFAULT = 0.25;

    /** Statistics of an input column, or null when the column has none. */
    private final IntFunction<ColumnStatistics> columns;
    private boolean usedStatistics;

    private FilterSelectivity(IntFunction<ColumnStatistics> columns) {
        this.columns = columns;
    }

    /** The share of input rows {@code condition} keeps; {@code columns} gives an input column's statistics or null. */
    static double of(ExprSpec condition, IntFunction<ColumnStatistics> columns) {
        FilterSelectivity estimator = new FilterSelectivity(columns);
        double selectivity = estimator.estimate(condition);
        return estimator.usedStatistics ? clamp(selectivity) : DEFAULT;
    }

    private double estimate(ExprSpec expression) {
        return switch (expression) {
            case ExprSpec.Literal literal -> Boolean.TRUE.equals(literal.value()) ? 1 : 0;
            case ExprSpec.InputRef ref -> DEFAULT;
            case ExprSpec.Call call -> call(call);
        };
    }

    private double call(ExprSpec.Call call) {
        List<ExprSpec> arguments = call.arguments();
        return switch (call.function()) {
            case AND -> {
                double kept = 1;
                for (ExprSpec argument : arguments) {
                    kept *= clamp(estimate(argument));
                }
                yield kept;
            }
            case OR -> {
                double dropped = 1;
                for (ExprSpec argument : arguments) {
                    dropped *= 1 - clamp(estimate(argument));
                }
                yield 1 - dropped;
            }
            case NOT -> 1 - clamp(estimate(arguments.getFirst()));
            case IS_NULL -> nullFraction(arguments.getFirst(), false);
            case IS_NOT_NULL -> nullFraction(arguments.getFirst(), true);
            case EQ, IS_NOT_DISTINCT_FROM -> equality(arguments.get(0), arguments.get(1));
            case NE -> {
                double equal = equality(arguments.get(0), arguments.get(1));
                ColumnStatistics column = statistics(arguments.get(0));
                column = column != null ? column : statistics(arguments.get(1));
                yield column == null ? 1 - equal : 1 - equal - column.nullFraction();
            }
            case LT, LE, GT, GE -> range(call.function(), arguments.get(0), arguments.get(1));
            default -> DEFAULT;
        };
    }

    private double nullFraction(ExprSpec operand, boolean not) {
        ColumnStatistics column = statistics(operand);
        if (column == null) {
            return DEFAULT;
        }
        return not ? 1 - column.nullFraction() : column.nullFraction();
    }

    /** column = constant: one distinct value's share; column = column: one in the larger distinct count. */
    private double equality(ExprSpec left, ExprSpec right) {
        ColumnStatistics leftColumn = statistics(left);
        ColumnStatistics rightColumn = statistics(right);
        if (leftColumn != null && rightColumn != null) {
            return (1 - leftColumn.nullFraction()) / Math.max(1, Math.max(leftColumn.distinctValues(), rightColumn.distinctValues()));
        }
        ColumnStatistics column = leftColumn != null ? leftColumn : rightColumn;
        ExprSpec other = leftColumn != null ? right : left;
        if (column == null || !(other instanceof ExprSpec.Literal literal)) {
            return DEFAULT;
        }
        if (literal.value() == null) {
            return 0;
        }
        if (outside(column.range(), literal, leftColumn != null ? left : right)) {
            return 0;
        }
        return (1 - column.nullFraction()) / Math.max(1, column.distinctValues());
    }

    private static boolean outside(ZoneMap range, ExprSpec.Literal literal, ExprSpec operand) {
        if (!(operand instanceof ExprSpec.InputRef ref) || !comparable(ref.type(), literal.type())) {
            return false;
        }
        return switch (range) {
            case ZoneMap.LongRange r when literal.value() instanceof Long v -> v < r.min() || v > r.max();
            case ZoneMap.DoubleRange r when literal.value() instanceof Double v -> v < r.min() || v > r.max();
            default -> false;
        };
    }

    /**
     * column op constant (either way round) over a numeric range: the covered share of [min, max], counting
     * integer values one by one (`k <= 5` over 1..1000 keeps 5 in 1000).
     */
    private double range(Function function, ExprSpec left, ExprSpec right) {
        ColumnStatistics column = statistics(left);
        ExprSpec operand = left;
        ExprSpec other = right;
        if (column == null) {
            column = statistics(right);
            operand = right;
            other = left;
            function = switch (function) {
                case LT -> Function.GT;
                case LE -> Function.GE;
                case GT -> Function.LT;
                default -> Function.LE;
            };
        }
        if (column == null) {
            return DEFAULT;
        }
        double nonNull = 1 - column.nullFraction();
        if (!(other instanceof ExprSpec.Literal literal) || literal.value() == null
                || !(operand instanceof ExprSpec.InputRef ref) || !comparable(ref.type(), literal.type())) {
            return other instanceof ExprSpec.Literal l && l.value() == null ? 0 : DEFAULT * nonNull;
        }
        double below;
        double at;
        switch (column.range()) {
            case ZoneMap.LongRange r when literal.value() instanceof Long v -> {
                double span = (double) r.max() - r.min() + 1;
                below = Math.min(Math.max((double) v - r.min(), 0), span) / span;
                at = v < r.min() || v > r.max() ? 0 : 1 / span;
            }
            case ZoneMap.DoubleRange r when literal.value() instanceof Double v && !Double.isNaN(r.max()) -> {
                double span = r.max() - r.min();
                below = span <= 0 ? (v > r.min() ? 1 : 0) : Math.min(Math.max(v - r.min(), 0), span) / span;
                at = 0;
            }
            default -> {
                return DEFAULT * nonNull;
            }
        }
        double share = switch (function) {
            case LT -> below;
            case LE -> below + at;
            case GT -> 1 - below - at;
            default -> 1 - below;
        };
        return nonNull * clamp(share);
    }

    /**
     * Whether a literal's physical value compares directly with a column's stored min and max: integers of
     * any width, DECIMALs of the same scale (both unscaled), or otherwise the same type (DATE with DATE, ...).
     */
    private static boolean comparable(SqlType column, SqlType literal) {
        if (column instanceof SqlType.DecimalType c) {
            return literal instanceof SqlType.DecimalType l && c.scale() == l.scale();
        }
        return integer(column) && integer(literal) || column.getClass() == literal.getClass();
    }

    private static boolean integer(SqlType type) {
        return type instanceof SqlType.SmallIntType || type instanceof SqlType.IntegerType || type instanceof SqlType.BigIntType;
    }

    /** The statistics of an input column, seen through a CAST (which keeps distinct counts and nulls). */
    private ColumnStatistics statistics(ExprSpec operand) {
        ExprSpec column = operand;
        if (column instanceof ExprSpec.Call call && call.function() == Function.CAST) {
            column = call.arguments().getFirst();
        }
        if (!(column instanceof ExprSpec.InputRef ref)) {
            return null;
        }
        ColumnStatistics statistics = columns.apply(ref.index());
        usedStatistics |= statistics != null;
        return statistics;
    }

    private static double clamp(double selectivity) {
        return Math.min(1, Math.max(0, selectivity));
    }
}
