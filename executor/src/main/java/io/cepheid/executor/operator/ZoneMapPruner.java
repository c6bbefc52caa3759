package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Evaluator;
import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.ExpressionCompiler;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides from block headers alone that no row of a row group can satisfy a scan's filter. The filter becomes a
 * tree of zone-map tests: AND / OR of {@code column <cmp> constant} (=, <>, <, <=, >, >=, which also covers
 * BETWEEN and IN lists once the planner has expanded them), {@code column LIKE 'prefix%'} on VARCHAR,
 * {@code column IS [NOT] NULL}, a BOOLEAN column alone or under NOT. The column may sit under order-preserving
 * casts (integer to DECIMAL, exact to floating point, DATE to TIMESTAMP); the constant may be any cast of a
 * literal, folded once with the executor's own cast. Anything else is "may match", so a row group is skipped only when it certainly has no
 * matching row: NULLs never satisfy a comparison, and zone maps cover deleted rows too.
 */
final class ZoneMapPruner {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final ZoneMapPruner NONE = new ZoneMapPruner(null);

    /** One test on zone maps: {@link #excludes} is true when no row of the row group can make it true. */
    private sealed interface Test {
        boolean excludes(RowGroup rowGroup);
    }

    private record AllOf(List<Test> tests) implements Test {
        @Override
        public boolean excludes(RowGroup rowGroup) {
            for (Test test : tests) {
                if (test.excludes(rowGroup)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record AnyOf(List<Test> tests) implements Test {
        @Override
        public boolean excludes(RowGroup rowGroup) {
            for (Test test : tests) {
                if (!test.excludes(rowGroup)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record NullTest(int column, boolean isNull) implements Test {
        @Override
        public boolean excludes(RowGroup rowGroup) {
            BlockHeader header = rowGroup.header(column);
            return isNull ? header.nullCount() == 0 : header.nullCount() >= rowGroup.rowCount();
        }
    }

    /**
     * {@code column <function> constant}, compared as {@code comparedAs}: the constant is already a value of
     * that type's domain (see {@link #domainValue}), the zone map's bounds are carried into it per row group.
     */
    private record Comparison(int column, SqlType columnType, SqlType comparedAs, Function function, Object constant,
                              boolean blankPadded) implements Test {
        @Override
        public boolean excludes(RowGroup rowGroup) {
            ZoneMap zoneMap = rowGroup.header(column).zoneMap();
            if (zoneMap instanceof ZoneMap.Empty) {
                return true; // only nulls: no comparison is true
            }
            Object[] bounds = bounds(zoneMap, columnType, comparedAs);
            if (bounds == null) {
                return false;
            }
            if (blankPadded) {
                bounds[0] = blankPaddedLowerBound((byte[]) bounds[0]);
            }
            int minVsConstant = compare(bounds[0], constant);
            int maxVsConstant = compare(bounds[1], constant);
            // String bounds are truncated, so they never prove that every value equals the constant.
            boolean singleValue = !(zoneMap instanceof ZoneMap.BytesRange) && compare(bounds[0], bounds[1]) == 0;
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

    /** {@code column LIKE 'prefix...'}: every match starts with {@code prefix}, so lies in [prefix, prefix\xff...]. */
    private record Prefix(int column, byte[] prefix) implements Test {
        @Override
        public boolean excludes(RowGroup rowGroup) {
            ZoneMap zoneMap = rowGroup.header(column).zoneMap();
            if (zoneMap instanceof ZoneMap.Empty) {
                return true;
            }
            if (!(zoneMap instanceof ZoneMap.BytesRange range)) {
                return false;
            }
            // Below the prefix entirely, or above every string that starts with it.
            return Arrays.compareUnsigned(range.max(), prefix) < 0
                    || Arrays.compareUnsigned(range.min(), prefix) > 0 && !startsWith(range.min(), prefix);
        }
    }

    private final Test root;

    private ZoneMapPruner(Test root) {
        this.root = root;
    }

    /**
     * {@code columns} maps the filter's input columns (the scan's outputs) to table columns; {@code allocator}
     * serves the one-row evaluation that folds casts of literals.
     */
    static ZoneMapPruner of(ExprSpec filter, List<Integer> columns, BufferAllocator allocator) {
        if (filter == null) {
            return NONE;
        }
        return new ZoneMapPruner(new Builder(columns, allocator).test(filter));
    }

    /** True when the filter is false or null for every row of {@code rowGroup}. */
    boolean canSkip(RowGroup rowGroup) {
        return root != null && root.excludes(rowGroup);
    }

    /** Turns a filter into a {@link Test}, or null where it cannot tell anything from zone maps. */
    private record Builder(List<Integer> columns, BufferAllocator allocator) {
        Test test(ExprSpec expr) {
            if (expr instanceof ExprSpec.InputRef ref) {
                return booleanColumn(ref, true); // WHERE flag
            }
            if (!(expr instanceof ExprSpec.Call call)) {
                return null;
            }
            List<ExprSpec> args = call.arguments();
            return switch (call.function()) {
                case NOT -> args.getFirst() instanceof ExprSpec.InputRef ref ? booleanColumn(ref, false) : null;
                case AND -> {
                    List<Test> tests = new ArrayList<>();
                    for (ExprSpec arg : args) {
                        Test test = test(arg);
                        if (test != null) {
                            tests.add(test); // an unknown conjunct only makes the AND less selective
                        }
                    }
                    yield tests.isEmpty() ? null : tests.size() == 1 ? tests.getFirst() : new AllOf(List.copyOf(tests));
                }
                case OR -> {
                    List<Test> tests = new ArrayList<>();
                    for (ExprSpec arg : args) {
                        Test test = test(arg);
                        if (test == null) {
                            yield null; // a disjunct that may match anywhere makes the OR match anywhere
                        }
                        tests.add(test);
                    }
                    yield tests.size() == 1 ? tests.getFirst() : new AnyOf(List.copyOf(tests));
                }
                case IS_NULL, IS_NOT_NULL -> args.getFirst() instanceof ExprSpec.InputRef ref && tableColumn(ref) >= 0
                        ? new NullTest(tableColumn(ref), call.function() == Function.IS_NULL) : null;
                case EQ, NE, LT, LE, GT, GE -> comparison(call.function(), args.get(0), args.get(1));
                // Not null-safe equality with a non-null constant is plain equality, as far as pruning goes.
                case IS_NOT_DISTINCT_FROM -> comparison(Function.EQ, args.get(0), args.get(1));
                case LIKE -> prefix(args);
                default -> null;
            };
        }

        /** A BOOLEAN column as a whole condition is {@code column = value} (its zone map holds 0 and 1). */
        private Test booleanColumn(ExprSpec.InputRef ref, boolean value) {
            return ref.type() instanceof SqlType.BooleanType && tableColumn(ref) >= 0
                    ? new Comparison(tableColumn(ref), ref.type(), ref.type(), Function.EQ, value ? 1L : 0L, false) : null;
        }

        private Test comparison(Function function, ExprSpec left, ExprSpec right) {
            if (isConstant(left) && !isConstant(right)) {
                function = flip(function);
                ExprSpec swap = left;
                left = right;
                right = swap;
            }
            ExprSpec.InputRef ref = orderPreservingColumn(left);
            if (ref == null || tableColumn(ref) < 0 || !isConstant(right) || domain(left.type()) == null) {
                return null;
            }
            Object constant = domainValue(fold(right), left.type());
            // A CHAR operand makes the executor compare ignoring trailing blanks.
            boolean blankPadded = right.type() instanceof SqlType.CharType;
            if (blankPadded && constant instanceof byte[] bytes) {
                constant = withoutTrailingBlanks(bytes);
            }
            return constant == null ? null
                    : new Comparison(tableColumn(ref), ref.type(), left.type(), function, constant, blankPadded);
        }

        private Test prefix(List<ExprSpec> args) {
            if (!(args.get(0) instanceof ExprSpec.InputRef ref) || !(ref.type() instanceof SqlType.VarcharType)
                    || tableColumn(ref) < 0 || !isConstant(args.get(1)) || args.size() > 2 && !isConstant(args.get(2))) {
                return null;
            }
            byte[] pattern = foldedBytes(args.get(1));
            byte[] escape = args.size() > 2 ? foldedBytes(args.get(2)) : null;
            if (pattern == null || args.size() > 2 && escape == null) {
                return null;
            }
            int length = 0;
            // Up to the first wildcard or escape character (backslash by default): a literal prefix every match has.
            // It also stops at a blank, which a CHAR pattern may lose to blank trimming.
            while (length < pattern.length && pattern[length] != '%' && pattern[length] != '_' && pattern[length] != '\\'
                    && pattern[length] != ' '
                    && (escape == null || escape.length == 0 || pattern[length] != escape[0])) {
                length++;
            }
            return length == 0 ? null : new Prefix(tableColumn(ref), Arrays.copyOf(pattern, length));
        }

        /** A string constant's UTF-8 bytes (CHAR or VARCHAR alike), or null. */
        private byte[] foldedBytes(ExprSpec constant) {
            if (!SqlType.isString(constant.type())) {
                return null;
            }
            ColumnVector vector = fold(constant);
            if (vector == null) {
                return null;
            }
            try (vector) {
                return vector.isNull(0) ? null : vector.getBytes(0);
            }
        }

        /** The table column behind a scan output, or -1 for the row id, which has no zone map. */
        private int tableColumn(ExprSpec.InputRef ref) {
            int column = columns.get(ref.index());
            return column == ScanSpec.ROW_ID ? -1 : column;
        }

        /** The constant's value as one row, computed by the executor's own evaluators (casts included); null on error. */
        private ColumnVector fold(ExprSpec constant) {
            try (Batch oneRow = new Batch(new ColumnVector[0], 1)) {
                Evaluator evaluator = ExpressionCompiler.compile(constant, allocator);
                return evaluator.evaluate(oneRow);
            } catch (RuntimeException e) {
                return null; // the filter itself reports the error when it runs
            }
        }
    }

    /**
     * A column read through casts that keep its order: {@code a <= b} implies {@code cast(a) <= cast(b)}, so a
     * block's values lie between its cast bounds.
     */
    private static ExprSpec.InputRef orderPreservingColumn(ExprSpec expr) {
        return switch (expr) {
            case ExprSpec.InputRef ref -> ref;
            case ExprSpec.Call call when call.function() == Function.CAST
                    && preservesOrder(call.arguments().getFirst().type(), call.type()) ->
                    orderPreservingColumn(call.arguments().getFirst());
            default -> null;
        };
    }

    private static boolean preservesOrder(SqlType from, SqlType to) {
        Domain source = domain(from);
        Domain target = domain(to);
        if (source == Domain.EXACT && target == Domain.EXACT) {
            return scale(to) >= scale(from);
        }
        return source == Domain.EXACT && target == Domain.FLOAT
                || source == Domain.FLOAT && target == Domain.FLOAT
                || from instanceof SqlType.DateType && to instanceof SqlType.TimestampType;
    }

    private static boolean isConstant(ExprSpec expr) {
        return switch (expr) {
            case ExprSpec.Literal literal -> true;
            case ExprSpec.Call call -> call.function() == Function.CAST && isConstant(call.arguments().getFirst());
            case ExprSpec.InputRef ref -> false;
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

    /** How values of a type compare: as exact decimals, as doubles, as longs (dates, times, booleans) or as UTF-8 bytes. */
    private enum Domain { EXACT, FLOAT, LONG, BYTES }

    /** Null for types whose order the zone maps cannot model (CHAR compares ignoring trailing blanks). */
    private static Domain domain(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> Domain.EXACT;
            case SqlType.IntegerType t -> Domain.EXACT;
            case SqlType.BigIntType t -> Domain.EXACT;
            case SqlType.DecimalType t -> Domain.EXACT;
            case SqlType.RealType t -> Domain.FLOAT;
            case SqlType.DoubleType t -> Domain.FLOAT;
            case SqlType.DateType t -> Domain.LONG;
            case SqlType.TimestampType t -> Domain.LONG;
            case SqlType.TimestampTzType t -> Domain.LONG;
            case SqlType.TimeType t -> Domain.LONG;
            case SqlType.IntervalType t -> Domain.LONG;
            case SqlType.BooleanType t -> Domain.LONG;
            case SqlType.VarcharType t -> Domain.BYTES;
            case SqlType.CharType t -> null;
        };
    }

    private static int scale(SqlType type) {
        return type instanceof SqlType.DecimalType decimal ? decimal.scale() : 0;
    }

    /** Row 0 of a folded constant as a value of {@code type}'s {@link Domain}; null for NULL, NaN or a failed fold. */
    private static Object domainValue(ColumnVector vector, SqlType type) {
        if (vector == null) {
            return null;
        }
        try (vector) {
            if (vector.isNull(0) || domain(type) == null) {
                return null;
            }
            return switch (domain(type)) {
                case EXACT -> vector.physicalType() == PhysicalType.INT128 ? new BigDecimal(vector.getUnscaled(0), scale(type))
                        : BigDecimal.valueOf(vector.getLongValue(0), scale(type));
                case FLOAT -> {
                    double value = vector.physicalType() == PhysicalType.FLOAT32 ? vector.getFloat(0) : vector.getDouble(0);
                    yield Double.isNaN(value) ? null : value + 0.0; // -0.0 equals 0.0
                }
                case LONG -> vector.getLongValue(0);
                case BYTES -> vector.getBytes(0);
            };
        }
    }

    /**
     * A row group's [min, max] carried from the column's type to the compared type's domain, or null when they
     * cannot be (NaN bounds: NaN sorts above every number).
     */
    private static Object[] bounds(ZoneMap zoneMap, SqlType columnType, SqlType comparedAs) {
        Domain target = domain(comparedAs);
        int scale = scale(columnType);
        return switch (zoneMap) {
            case ZoneMap.Empty e -> null;
            case ZoneMap.LongRange range -> switch (target) {
                case EXACT, FLOAT -> exactBounds(BigDecimal.valueOf(range.min(), scale), BigDecimal.valueOf(range.max(), scale),
                        comparedAs);
                case LONG -> columnType instanceof SqlType.DateType && comparedAs instanceof SqlType.TimestampType
                        ? new Object[] {range.min() * MICROS_PER_DAY, range.max() * MICROS_PER_DAY}
                        : new Object[] {range.min(), range.max()};
                case BYTES -> null;
            };
            case ZoneMap.DecimalRange range -> switch (target) {
                case EXACT, FLOAT -> exactBounds(new BigDecimal(range.min(), scale), new BigDecimal(range.max(), scale), comparedAs);
                case LONG, BYTES -> null;
            };
            case ZoneMap.DoubleRange range -> {
                if (target != Domain.FLOAT || Double.isNaN(range.min()) || Double.isNaN(range.max())) {
                    yield null;
                }
                yield comparedAs instanceof SqlType.RealType
                        ? new Object[] {(double) (float) range.min() + 0.0, (double) (float) range.max() + 0.0}
                        : new Object[] {range.min() + 0.0, range.max() + 0.0};
            }
            case ZoneMap.BytesRange range -> target == Domain.BYTES ? new Object[] {range.min(), range.max()} : null;
        };
    }

    /**
     * Exact bounds as they are, or as doubles (REALs) one step outward: the executor's own cast to floating point
     * may round the other way, and a bound that is too tight could skip a matching row.
     */
    private static Object[] exactBounds(BigDecimal min, BigDecimal max, SqlType comparedAs) {
        return switch (domain(comparedAs)) {
            case EXACT -> new Object[] {min, max};
            case FLOAT -> comparedAs instanceof SqlType.RealType
                    ? new Object[] {(double) Math.nextDown(min.floatValue()), (double) Math.nextUp(max.floatValue())}
                    : new Object[] {Math.nextDown(min.doubleValue()), Math.nextUp(max.doubleValue())};
            case LONG, BYTES -> null;
        };
    }

    private static int compare(Object a, Object b) {
        return switch (a) {
            case BigDecimal x -> x.compareTo((BigDecimal) b);
            case Double x -> Double.compare(x, (Double) b);
            case Long x -> Long.compare(x, (Long) b);
            case byte[] x -> Arrays.compareUnsigned(x, (byte[]) b);
            default -> throw new IllegalStateException("not a zone-map value: " + a);
        };
    }

    private static byte[] withoutTrailingBlanks(byte[] value) {
        int length = value.length;
        while (length > 0 && value[length - 1] == ' ') {
            length--;
        }
        return Arrays.copyOf(value, length);
    }

    /**
     * A lower bound of {@code rtrim(v)} for every {@code v >= min}: min up to its first byte at or below a blank.
     * Bytes above the blank are never trimmed, so a value that leaves that prefix at a larger byte keeps the
     * larger byte; one that keeps the prefix keeps it after trimming. (min itself is no such bound: rtrim of
     * {@code 'a '} is {@code 'a'}, below {@code 'a\t'}.)
     */
    private static byte[] blankPaddedLowerBound(byte[] min) {
        int length = 0;
        while (length < min.length && (min[length] & 0xff) > ' ') {
            length++;
        }
        return length == min.length ? min : Arrays.copyOf(min, length);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
