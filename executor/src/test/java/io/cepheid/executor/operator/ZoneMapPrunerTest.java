package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scalar twin rule for zone-map pruning: for random data (runs of nearly sorted values, NULLs, all-NULL row
 * groups, strings with trailing blanks and control characters) and random predicates of every shape the
 * pruner models, the scan with its filter pushed (and row groups skipped) returns exactly what the same
 * filter returns over the full scan. Each shape must also skip something, or the test would prove nothing.
 */
class ZoneMapPrunerTest {
    private static final SqlType DEC = new SqlType.DecimalType(10, 2);
    private static final SqlType WIDE = new SqlType.DecimalType(30, 4);
    private static final SqlType TEXT = new SqlType.VarcharType(12);
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, SqlType.INTEGER, DEC, WIDE, SqlType.DATE,
            SqlType.TIMESTAMP, TEXT, SqlType.DOUBLE, SqlType.BOOLEAN);
    private static final int ROWS = 1200;
    private static final int ROW_GROUP = 60;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final String[] WORDS = {"a", "a ", "a\t", "ab", "abc", "abd", "b", "b  ", "ba%", "c", "caf\u00e9", "d_x", "zz"};

    private final Random random = new Random(20261206);
    private final FakeCatalog catalog = new FakeCatalog().add("t", TYPES, List.of(rows()), ROW_GROUP);

    /** Column k drifts upward with the row number, so each row group covers a narrow, overlapping range. */
    private List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            boolean allNullGroup = i / ROW_GROUP == 7;
            long base = i / 10 + random.nextInt(15);
            List<Object> row = new ArrayList<>();
            row.add(base);
            row.add(allNullGroup || random.nextInt(10) == 0 ? null : base - 50);
            row.add(random.nextInt(20) == 0 ? null : base * 100 + random.nextInt(100));      // DECIMAL(10,2) unscaled
            row.add(BigInteger.valueOf(base * 10_000 - 123_4567));                            // DECIMAL(30,4) unscaled
            row.add(18_000L + base);                                                          // DATE days
            row.add((18_000L + base) * MICROS_PER_DAY + random.nextInt(1000) * 1_000_000L);    // TIMESTAMP micros
            row.add(allNullGroup ? null : WORDS[(int) Math.min(WORDS.length - 1, base * WORDS.length / 135)]);
            row.add(random.nextInt(400) == 0 ? (random.nextBoolean() ? -0.0 : 0.0) : base / 4.0);
            row.add(random.nextInt(30) == 0 ? null : base % 60 < 30);
            rows.add(row);
        }
        return rows;
    }

    private record Shape(String name, Supplier<ExprSpec> predicate) {
    }

    @Test
    void prunedScansReturnWhatFullScansReturn() {
        List<Shape> shapes = List.of(
                new Shape("comparison", () -> comparison(0, SqlType.BIGINT, lit(value(), SqlType.BIGINT))),
                new Shape("comparison with nulls", () -> comparison(1, SqlType.INTEGER, lit(value() - 50, SqlType.INTEGER))),
                new Shape("between", () -> {
                    long low = value();
                    return and(call(Function.GE, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(low, SqlType.BIGINT)),
                            call(Function.LE, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(low + random.nextInt(20), SqlType.BIGINT)));
                }),
                new Shape("in list", () -> or(eq(0, SqlType.BIGINT, lit(value(), SqlType.BIGINT)),
                        eq(0, SqlType.BIGINT, lit(value(), SqlType.BIGINT)), eq(0, SqlType.BIGINT, lit(value(), SqlType.BIGINT)))),
                new Shape("is null", () -> call(Function.IS_NULL, SqlType.BOOLEAN, ref(6, TEXT))),
                new Shape("is not null", () -> call(Function.IS_NOT_NULL, SqlType.BOOLEAN, ref(1, SqlType.INTEGER))),
                new Shape("and / or", () -> or(and(comparison(0, SqlType.BIGINT, lit(value(), SqlType.BIGINT)),
                                comparison(4, SqlType.DATE, lit(18_000L + value(), SqlType.DATE))),
                        comparison(2, DEC, lit(value() * 100 + 50, DEC)))),
                new Shape("decimal against wider decimal", () -> comparison(2, DEC,
                        cast(lit(value() * 1000 + random.nextInt(1000), new SqlType.DecimalType(12, 3)), new SqlType.DecimalType(12, 3)),
                        new SqlType.DecimalType(12, 3))),
                new Shape("integer cast to decimal", () -> comparison(0, SqlType.BIGINT,
                        lit(value() * 10 + random.nextInt(10), new SqlType.DecimalType(19, 1)), new SqlType.DecimalType(19, 1))),
                new Shape("128-bit decimal", () -> comparison(3, WIDE,
                        lit(BigInteger.valueOf(value() * 10_000 - 123_4567 + random.nextInt(3) - 1), WIDE))),
                new Shape("decimal as double", () -> comparison(2, DEC, lit(value() + random.nextInt(100) / 100.0, SqlType.DOUBLE),
                        SqlType.DOUBLE)),
                new Shape("integer as real", () -> comparison(0, SqlType.BIGINT, lit(value() + random.nextInt(4) / 4.0, SqlType.REAL),
                        SqlType.REAL)),
                new Shape("double", () -> comparison(7, SqlType.DOUBLE, lit(random.nextBoolean() ? value() / 4.0 : -0.0, SqlType.DOUBLE))),
                new Shape("date", () -> comparison(4, SqlType.DATE, lit(18_000L + value(), SqlType.DATE))),
                new Shape("date from text", () -> comparison(4, SqlType.DATE,
                        cast(lit(java.time.LocalDate.ofEpochDay(18_000L + value()).toString(), TEXT), SqlType.DATE))),
                new Shape("date as timestamp", () -> comparison(4, SqlType.DATE,
                        lit((18_000L + value()) * MICROS_PER_DAY + random.nextInt(3) * MICROS_PER_DAY / 2, SqlType.TIMESTAMP),
                        SqlType.TIMESTAMP)),
                new Shape("timestamp", () -> comparison(5, SqlType.TIMESTAMP,
                        lit((18_000L + value()) * MICROS_PER_DAY + random.nextInt(1000) * 1_000_000L, SqlType.TIMESTAMP))),
                new Shape("varchar against char", () -> comparison(6, TEXT, lit(WORDS[random.nextInt(WORDS.length)],
                        new SqlType.CharType(3)))),
                new Shape("varchar against varchar", () -> comparison(6, TEXT, lit(WORDS[random.nextInt(WORDS.length)], TEXT))),
                new Shape("boolean column", () -> random.nextBoolean() ? ref(8, SqlType.BOOLEAN)
                        : call(Function.NOT, SqlType.BOOLEAN, ref(8, SqlType.BOOLEAN))),
                new Shape("like prefix", () -> call(Function.LIKE, SqlType.BOOLEAN, ref(6, TEXT),
                        lit(List.of("a%", "ab%", "b%", "ba\\%%", "c_f%", "d%", "ab", "b %", "z%").get(random.nextInt(9)), new SqlType.CharType(5)))));
        for (Shape shape : shapes) {
            long skipped = 0;
            for (int trial = 0; trial < 6; trial++) {
                ExprSpec predicate = shape.predicate().get();
                Scan pruned = scan(predicate, true);
                Scan full = scan(predicate, false);
                List<String> expected = sorted(full.rows());
                List<String> actual = sorted(pruned.rows());
                assertTrue(expected.equals(actual), () -> shape.name() + ": " + predicate + " returned " + actual.size()
                        + " rows after pruning, " + expected.size() + " without");
                skipped += pruned.skipped();
            }
            assertTrue(skipped > 0, shape.name() + " never skipped a row group");
        }
    }

    private record Scan(List<List<Object>> rows, long skipped) {
    }

    /** All columns, the predicate pushed into the scan or applied by a filter above a full scan. */
    private Scan scan(ExprSpec predicate, boolean pushed) {
        List<Integer> columns = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
        ScanSpec spec = new ScanSpec("public", "t", columns, TYPES, pushed ? predicate : null);
        try (BufferAllocator allocator = BufferAllocator.unlimited("prune-test")) {
            ExecutionContext context = context(allocator, catalog, 1);
            if (pushed) {
                ScanOperator scan = (ScanOperator) Operators.create(spec, context);
                List<List<Object>> rows = Operators.collectRows(scan);
                return new Scan(rows, scan.metrics().rowGroupsSkipped());
            }
            return new Scan(Operators.collectRows(Operators.create(new FilterSpec(spec, predicate), context)), 0);
        }
    }

    /** Somewhere in and a little beyond column 0's range [0, 134]. */
    private long value() {
        return random.nextInt(155) - 10;
    }

    private ExprSpec comparison(int column, SqlType type, ExprSpec constant) {
        return comparison(column, type, constant, type);
    }

    /** {@code column <op> constant} compared as {@code as} (the column cast to it when it differs), either way round. */
    private ExprSpec comparison(int column, SqlType type, ExprSpec constant, SqlType as) {
        ExprSpec columnSide = type.equals(as) ? ref(column, type) : cast(ref(column, type), as);
        Function function = List.of(Function.EQ, Function.NE, Function.LT, Function.LE, Function.GT, Function.GE)
                .get(random.nextInt(6));
        return random.nextBoolean() ? call(function, SqlType.BOOLEAN, columnSide, constant)
                : call(function, SqlType.BOOLEAN, constant, columnSide);
    }

    private static ExprSpec eq(int column, SqlType type, ExprSpec constant) {
        return call(Function.EQ, SqlType.BOOLEAN, ref(column, type), constant);
    }

    private static ExprSpec cast(ExprSpec value, SqlType type) {
        return new ExprSpec.Call(Function.CAST, List.of(value), type);
    }

    private static ExprSpec and(ExprSpec... arguments) {
        return call(Function.AND, SqlType.BOOLEAN, arguments);
    }

    private static ExprSpec or(ExprSpec... arguments) {
        return call(Function.OR, SqlType.BOOLEAN, arguments);
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(String::valueOf).sorted().toList();
    }
}
