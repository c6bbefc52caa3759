package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.WindowCall;
import io.cepheid.executor.fragment.WindowFrame;
import io.cepheid.executor.fragment.WindowFunction;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowOperatorTest {
    /** id (unique, input order), part, ord (ties), val, dval (halves: exact sums), name, 3, 2, -1. */
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, SqlType.INTEGER, SqlType.INTEGER, SqlType.BIGINT,
            SqlType.DOUBLE, varchar(8), SqlType.BIGINT, SqlType.BIGINT, SqlType.BIGINT);
    private static final int ID = 0;
    private static final int PART = 1;
    private static final int ORD = 2;
    private static final int VAL = 3;
    private static final int DVAL = 4;
    private static final int NAME = 5;
    private static final int THREE = 6;
    private static final int TWO = 7;
    private static final int MINUS_ONE = 8;

    private static final List<WindowFrame> FRAMES = List.of(
            WindowFrame.RUNNING,
            new WindowFrame(false, WindowFrame.UNBOUNDED_PRECEDING, 0),
            new WindowFrame(false, -2, 1),
            new WindowFrame(false, 0, WindowFrame.UNBOUNDED_FOLLOWING),
            new WindowFrame(false, 1, 3),
            new WindowFrame(false, -3, -1),
            new WindowFrame(false, 2, WindowFrame.UNBOUNDED_FOLLOWING),
            WindowFrame.WHOLE_PARTITION,
            new WindowFrame(true, 0, WindowFrame.UNBOUNDED_FOLLOWING),
            new WindowFrame(true, 0, 0));

    private static List<List<Object>> randomRows(int count, int partitions, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            rows.add(row(i,
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(partitions),
                    random.nextInt(8) == 0 ? null : (long) random.nextInt(40),
                    random.nextInt(6) == 0 ? null : (long) random.nextInt(1000) - 300,
                    random.nextInt(6) == 0 ? null : random.nextInt(100) / 2.0 - 20,
                    random.nextInt(7) == 0 ? null : "n" + random.nextInt(30),
                    3L, 2L, -1L));
        }
        return rows;
    }

    private static List<WindowCall> calls() {
        List<WindowCall> calls = new ArrayList<>(List.of(
                call(WindowFunction.ROW_NUMBER, List.of(), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.RANK, List.of(), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.DENSE_RANK, List.of(), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.NTILE, List.of(THREE), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.LAG, List.of(VAL), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.LEAD, List.of(VAL, TWO, MINUS_ONE), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.LAG, List.of(NAME, TWO), WindowFrame.WHOLE_PARTITION, varchar(8))));
        for (WindowFrame frame : FRAMES) {
            calls.add(call(WindowFunction.SUM, List.of(VAL), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.AVG, List.of(VAL), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.COUNT, List.of(VAL), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.COUNT_STAR, List.of(), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.MIN, List.of(VAL), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.MAX, List.of(NAME), frame, varchar(8)));
            calls.add(call(WindowFunction.FIRST_VALUE, List.of(VAL), frame, SqlType.BIGINT));
            calls.add(call(WindowFunction.LAST_VALUE, List.of(NAME), frame, varchar(8)));
            calls.add(call(WindowFunction.SUM, List.of(DVAL), frame, SqlType.DOUBLE));
            calls.add(call(WindowFunction.AVG, List.of(DVAL), frame, SqlType.DOUBLE));
        }
        return calls;
    }

    private static WindowCall call(WindowFunction function, List<Integer> arguments, WindowFrame frame, SqlType type) {
        return new WindowCall(function, arguments, frame, type);
    }

    @Test
    void matchesNaiveReferenceOnRandomDataAcrossBatches() {
        List<List<Object>> rows = randomRows(6000, 60, 11);
        List<SortKey> order = List.of(new SortKey(ORD, false, false));
        List<WindowCall> calls = calls();
        WindowSpec spec = new WindowSpec(values(TYPES, rows), List.of(PART), order, calls);
        assertSameRows(reference(rows, List.of(PART), order, calls), run(spec));
    }

    @Test
    void descendingOrderWithNullsFirstAndNoPartition() {
        List<List<Object>> rows = randomRows(200, 1, 5);
        List<SortKey> order = List.of(new SortKey(ORD, true, true), new SortKey(NAME, false, false));
        List<WindowCall> calls = calls();
        WindowSpec spec = new WindowSpec(values(TYPES, rows), List.of(), order, calls);
        assertSameRows(reference(rows, List.of(), order, calls), run(spec));
    }

    @Test
    void withoutOrderKeysEveryRowOfAPartitionIsAPeer() {
        List<List<Object>> rows = randomRows(300, 4, 9);
        List<WindowCall> calls = List.of(
                call(WindowFunction.RANK, List.of(), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.SUM, List.of(VAL), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.SUM, List.of(VAL), WindowFrame.RUNNING, SqlType.BIGINT));
        WindowSpec spec = new WindowSpec(values(TYPES, rows), List.of(PART), List.of(), calls);
        assertSameRows(reference(rows, List.of(PART), List.of(), calls), run(spec));
    }

    @Test
    void emptyInputGivesNoRowsAndBadNtileFails() {
        assertEquals(List.of(), run(new WindowSpec(values(TYPES, List.of()), List.of(PART), List.of(), calls())));
        List<List<Object>> rows = List.of(row(1L, 1L, 1L, 1L, 1.0, "a", 0L, 2L, -1L));
        WindowSpec zeroBuckets = new WindowSpec(values(TYPES, rows), List.of(), List.of(),
                List.of(call(WindowFunction.NTILE, List.of(THREE), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT)));
        assertThrows(CepheidException.class, () -> run(zeroBuckets));
    }

    @Test
    void decimalAverageRoundsHalfAwayFromZeroAndIntegerAverageTruncates() {
        List<SqlType> types = List.of(SqlType.BIGINT, io.cepheid.executor.ExecutorTestSupport.decimal(18, 1));
        // Decimal values are unscaled longs: -0.5 and -1.0 average to -0.75, rounded to -0.8.
        List<List<Object>> rows = List.of(row(-1L, -5L), row(-2L, -10L));
        WindowSpec spec = new WindowSpec(values(types, rows), List.of(), List.of(), List.of(
                call(WindowFunction.AVG, List.of(0), WindowFrame.WHOLE_PARTITION, SqlType.BIGINT),
                call(WindowFunction.AVG, List.of(1), WindowFrame.WHOLE_PARTITION, types.get(1))));
        List<List<Object>> result = run(spec);
        assertEquals(-1L, result.getFirst().get(2));
        assertEquals(-8L, result.getFirst().get(3));
    }

    /** Compares row by row, so a failure names the first differing row and column instead of printing all. */
    private static void assertSameRows(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                int row = r;
                int column = c;
                assertEquals(expected.get(r).get(c), actual.get(r).get(c), () -> "row " + row + " column " + column + " of " + expected.get(row));
            }
        }
    }

    // ---- naive reference -------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<List<Object>> keyOrder(SortKey key) {
        Comparator<Comparable> values = Comparator.naturalOrder();
        if (key.descending()) {
            values = values.reversed();
        }
        Comparator<Comparable> withNulls = key.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(row -> (Comparable) row.get(key.column()), withNulls);
    }

    private static List<List<Object>> reference(List<List<Object>> rows, List<Integer> partitionKeys,
                                                List<SortKey> orderKeys, List<WindowCall> calls) {
        List<SortKey> partitionOrder = partitionKeys.stream().map(c -> new SortKey(c, false, false)).toList();
        Comparator<List<Object>> byPartition = (a, b) -> 0;
        for (SortKey key : partitionOrder) {
            byPartition = byPartition.thenComparing(keyOrder(key));
        }
        Comparator<List<Object>> byAll = byPartition;
        for (SortKey key : orderKeys) {
            byAll = byAll.thenComparing(keyOrder(key));
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(byAll.thenComparing(row -> (Long) row.get(ID)));
        List<List<Object>> out = new ArrayList<>();
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end < sorted.size() && byPartition.compare(sorted.get(start), sorted.get(end)) == 0) {
                end++;
            }
            List<List<Object>> partition = sorted.subList(start, end);
            int n = partition.size();
            int[] peerStart = new int[n];
            int[] peerEnd = new int[n];
            long[] denseRank = new long[n];
            for (int i = 0; i < n; i++) {
                boolean newGroup = i == 0 || byAll.compare(partition.get(i - 1), partition.get(i)) != 0;
                peerStart[i] = newGroup ? i : peerStart[i - 1];
                denseRank[i] = newGroup ? (i == 0 ? 1 : denseRank[i - 1] + 1) : denseRank[i - 1];
            }
            for (int i = n - 1; i >= 0; i--) {
                peerEnd[i] = i == n - 1 || peerStart[i + 1] != peerStart[i] ? i : peerEnd[i + 1];
            }
            for (int i = 0; i < n; i++) {
                List<Object> result = new ArrayList<>(partition.get(i));
                for (WindowCall call : calls) {
                    result.add(naive(call, partition, i, peerStart[i], peerEnd[i], denseRank[i]));
                }
                out.add(result);
            }
            start = end;
        }
        return out;
    }

    /** One call's value at row i of a sorted partition, straight from the definitions; peerEnd is inclusive. */
    private static Object naive(WindowCall call, List<List<Object>> partition, int i, int peerStart, int peerEnd,
                                long denseRank) {
        int n = partition.size();
        List<Integer> args = call.arguments();
        switch (call.function()) {
            case ROW_NUMBER -> {
                return (long) i + 1;
            }
            case RANK -> {
                return (long) peerStart + 1;
            }
            case DENSE_RANK -> {
                return denseRank;
            }
            case NTILE -> {
                long buckets = (Long) partition.get(i).get(args.getFirst());
                // Deal rows out: bucket b holds n / buckets rows, plus one for the first n % buckets buckets.
                long position = 0;
                for (long b = 0; b < buckets; b++) {
                    long size = n / buckets + (b < n % buckets ? 1 : 0);
                    if (i < position + size) {
                        return b + 1;
                    }
                    position += size;
                }
                throw new AssertionError();
            }
            case LAG, LEAD -> {
                long offset = args.size() > 1 ? (Long) partition.get(i).get(args.get(1)) : 1;
                long target = call.function() == WindowFunction.LAG ? i - offset : i + offset;
                if (target >= 0 && target < n) {
                    return partition.get((int) target).get(args.getFirst());
                }
                return args.size() > 2 ? partition.get(i).get(args.get(2)) : null;
            }
            default -> {
            }
        }
        WindowFrame frame = call.frame();
        long first = frame.startUnbounded() ? 0 : frame.range() ? peerStart : i + frame.start();
        long last = frame.endUnbounded() ? n - 1 : frame.range() ? peerEnd : i + frame.end();
        first = Math.max(first, 0);
        last = Math.min(last, n - 1);
        List<Object> values = new ArrayList<>();
        for (long j = first; j <= last; j++) {
            values.add(args.isEmpty() ? 1L : partition.get((int) j).get(args.getFirst()));
        }
        List<Object> nonNull = values.stream().filter(v -> v != null).toList();
        return switch (call.function()) {
            case COUNT_STAR -> (long) values.size();
            case COUNT -> (long) nonNull.size();
            case SUM -> nonNull.isEmpty() ? null : nonNull.getFirst() instanceof Double
                    ? (Object) nonNull.stream().mapToDouble(v -> (Double) v).sum()
                    : (Object) nonNull.stream().mapToLong(v -> (Long) v).sum();
            case AVG -> nonNull.isEmpty() ? null : nonNull.getFirst() instanceof Double
                    ? (Object) (nonNull.stream().mapToDouble(v -> (Double) v).sum() / nonNull.size())
                    : (Object) (nonNull.stream().mapToLong(v -> (Long) v).sum() / nonNull.size());
            case MIN -> nonNull.stream().map(v -> (Comparable) v).min(Comparator.naturalOrder()).orElse(null);
            case MAX -> nonNull.stream().map(v -> (Comparable) v).max(Comparator.naturalOrder()).orElse(null);
            case FIRST_VALUE -> values.isEmpty() ? null : values.getFirst();
            case LAST_VALUE -> values.isEmpty() ? null : values.getLast();
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD -> throw new AssertionError();
        };
    }
}
