package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.FilterPredicate;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.expression.Literals;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.table.RowGroup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides from block headers alone that a row group cannot satisfy a scan's filter. Only conjuncts
 * {@code column <cmp> literal}, {@code column IS NULL} and {@code column IS NOT NULL} are used; anything else is
 * assumed to match, so pruning is always safe.
 */
final class ZoneMapPruner {
    private final List<Check> checks;

    private record Check(int tableColumn, Function function, Object literal) {
    }

    private ZoneMapPruner(List<Check> checks) {
        this.checks = checks;
    }

    /** {@code columns} maps the filter's input columns (the scan's outputs) to table columns. */
    static ZoneMapPruner of(ExprSpec filter, List<Integer> columns) {
        List<Check> checks = new ArrayList<>();
        if (filter != null) {
            List<ExprSpec> conjuncts = new ArrayList<>();
            FilterPredicate.splitConjuncts(filter, conjuncts);
            for (ExprSpec conjunct : conjuncts) {
                Check check = toCheck(conjunct, columns);
                if (check != null && check.tableColumn() != ScanSpec.ROW_ID) { // row ids have no zone map
                    checks.add(check);
                }
            }
        }
        return new ZoneMapPruner(checks);
    }

    private static Check toCheck(ExprSpec conjunct, List<Integer> columns) {
        if (!(conjunct instanceof ExprSpec.Call call)) {
            return null;
        }
        List<ExprSpec> args = call.arguments();
        if ((call.function() == Function.IS_NULL || call.function() == Function.IS_NOT_NULL)
                && args.getFirst() instanceof ExprSpec.InputRef ref) {
            return new Check(columns.get(ref.index()), call.function(), null);
        }
        Function function = call.function();
        if (args.size() != 2 || !isComparison(function)) {
            return null;
        }
        ExprSpec first = args.get(0);
        ExprSpec second = args.get(1);
        if (first instanceof ExprSpec.Literal && second instanceof ExprSpec.InputRef) {
            function = flip(function);
            ExprSpec swap = first;
            first = second;
            second = swap;
        }
        if (!(first instanceof ExprSpec.InputRef ref) || !(second instanceof ExprSpec.Literal literal)) {
            return null;
        }
        Object value = comparableLiteral(ref.type(), literal);
        return value == null ? null : new Check(columns.get(ref.index()), function, value);
    }

    /** The literal as a Long, BigInteger (128-bit DECIMAL), Double or byte[] comparable with the column's zone map, or null if unsure. */
    private static Object comparableLiteral(SqlType columnType, ExprSpec.Literal literal) {
        Object value = literal.value();
        if (value == null) {
            return null;
        }
        PhysicalType physical = columnType.physicalType();
        return switch (physical) {
            case INT16, INT32, INT64, BOOLEAN -> {
                boolean sameRepresentation = columnType.equals(literal.type())
                        || isPlainInteger(columnType) && isPlainInteger(literal.type())
                        || columnType instanceof SqlType.DecimalType c && literal.type() instanceof SqlType.DecimalType l
                        && c.scale() == l.scale();
                yield sameRepresentation && !(value instanceof Double) ? Literals.asLong(value, literal.type()) : null;
            }
            case INT128 -> columnType instanceof SqlType.DecimalType c && literal.type() instanceof SqlType.DecimalType l
                    && c.scale() == l.scale() && !(value instanceof Double) ? Literals.asUnscaled(value, literal.type()) : null;
            case FLOAT32, FLOAT64 -> value instanceof Number && !(literal.type() instanceof SqlType.DecimalType)
                    ? Literals.asDouble(value, literal.type()) : null;
            // CHAR compares ignoring trailing blanks, which byte bounds do not model.
            case VARIABLE -> columnType instanceof SqlType.VarcharType && value instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8) : null;
        };
    }

    private static boolean isPlainInteger(SqlType type) {
        return type instanceof SqlType.SmallIntType || type instanceof SqlType.IntegerType || type instanceof SqlType.BigIntType;
    }

    private static boolean isComparison(Function function) {
        return switch (function) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private static Function flip(Function function) {
        return switch (function) {
            case LT -> Function.GT;
            case LE -> Function.GE;
            case GT -> Function.LT;
            case GE -> Function.LE;
            default -> function;
        };
    }

    boolean isEmpty() {
        return checks.isEmpty();
    }

    /** True when some conjunct is false or null for every row of {@code rowGroup}. */
    boolean canSkip(RowGroup rowGroup) {
        for (Check check : checks) {
            BlockHeader header = rowGroup.header(check.tableColumn());
            if (cannotMatch(check, header, rowGroup.rowCount())) {
                return true;
            }
        }
        return false;
    }

    private static boolean cannotMatch(Check check, BlockHeader header, int rows) {
        if (check.function() == Function.IS_NULL) {
            return header.nullCount() == 0;
        }
        if (check.function() == Function.IS_NOT_NULL) {
            return header.nullCount() >= rows;
        }
        return switch (header.zoneMap()) {
            case ZoneMap.Empty e -> true;
            case ZoneMap.LongRange range -> check.literal() instanceof Long c
                    && excludes(check.function(), Long.compare(range.min(), c), Long.compare(range.max(), c), range.min() == range.max());
            case ZoneMap.DecimalRange range -> check.literal() instanceof BigInteger c
                    && excludes(check.function(), range.min().compareTo(c), range.max().compareTo(c), range.min().equals(range.max()));
            case ZoneMap.DoubleRange range -> check.literal() instanceof Double c && !Double.isNaN(range.min())
                    && !Double.isNaN(range.max()) && !Double.isNaN(c)
                    && excludes(check.function(), Double.compare(range.min() + 0.0, c + 0.0), Double.compare(range.max() + 0.0, c + 0.0),
                    range.min() == range.max());
            // String bounds are inexact (truncated), so a NE test never prunes.
            case ZoneMap.BytesRange range -> check.literal() instanceof byte[] c && check.function() != Function.NE
                    && excludes(check.function(), Arrays.compareUnsigned(range.min(), c), Arrays.compareUnsigned(range.max(), c), false);
        };
    }

    /** Given sign(min - c) and sign(max - c), whether no value in [min, max] can satisfy {@code value <op> c}. */
    private static boolean excludes(Function function, int minVsConstant, int maxVsConstant, boolean singleValue) {
        return switch (function) {
            case EQ -> minVsConstant > 0 || maxVsConstant < 0;
            case NE -> singleValue && minVsConstant == 0;
            case LT -> minVsConstant >= 0;
            case LE -> minVsConstant > 0;
            case GT -> maxVsConstant <= 0;
            case GE -> maxVsConstant < 0;
            default -> false;
        };
    }
}
