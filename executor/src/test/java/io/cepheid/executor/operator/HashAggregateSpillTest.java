package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.spill.SpillPolicy;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hash aggregation under a memory budget too small for its groups: PARTIAL flushes its groups early, SINGLE
 * and FINAL spill rows with new keys to disk, and every mode returns what it returns with unlimited memory,
 * frees every byte and deletes its files, also when it fails or is closed half-way.
 */
class HashAggregateSpillTest {
    private static final List<SqlType> TYPES = HashAggregateOperatorTest.TYPES;
    /** Budget: past half of it (2 MiB) the aggregations below spill; their unlimited runs need more. */
    private static final long SMALL_BUDGET = 4L << 20;

    /** The common calls plus those with other states: variance (count, mean, M2) and a gathered median. */
    private static final List<AggregateCall> SINGLE_CALLS = Stream.concat(HashAggregateOperatorTest.CALLS.stream(), Stream.of(
            new AggregateCall(AggregateFunction.STDDEV_SAMP, 2, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.PERCENTILE_CONT, 4, false, SqlType.DOUBLE, 0.5, "",
                    List.of(new SortKey(4, false, false))))).toList();

    @TempDir
    Path spillDirectory;

    @BeforeEach
    void spillIntoTemporaryDirectory() {
        System.setProperty(SpillPolicy.DIRECTORY_PROPERTY, spillDirectory.toString());
    }

    @AfterEach
    void everySpillFileIsDeleted() throws IOException {
        System.clearProperty(SpillPolicy.DIRECTORY_PROPERTY);
        try (Stream<Path> files = Files.list(spillDirectory)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** {@code count} rows over about 2 * {@code keys} groups (NULL keys among them); every value column has nulls. */
    private static List<List<Object>> manyGroups(int count, int keys, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(
                    random.nextInt(20) == 0 ? null : (long) random.nextInt(keys),
                    random.nextInt(20) == 0 ? null : "g" + random.nextInt(2),
                    random.nextInt(6) == 0 ? null : (long) random.nextInt(2_000_001) - 1_000_000,
                    random.nextInt(6) == 0 ? null : (long) random.nextInt(100_000) - 50_000,
                    random.nextInt(6) == 0 ? null : random.nextInt(4000) / 4.0 - 500,
                    random.nextInt(6) == 0 ? null : "s" + random.nextInt(1000)));
        }
        return rows;
    }

    /** Result rows and the bytes the aggregate step spilled, run with a budget of {@code limit} bytes. */
    private record Outcome(List<List<Object>> rows, long spilledBytes) {
    }

    /** {@code heldBytes}: memory the query's other operators hold meanwhile, counted against the budget. */
    private static Outcome run(AggregateSpec spec, long limit, long heldBytes) {
        try (BufferAllocator allocator = new BufferAllocator("spill-test", limit)) {
            MemorySegment held = heldBytes == 0 ? null : allocator.allocate(heldBytes);
            QueryMetrics metrics = new QueryMetrics(spec);
            List<List<Object>> rows = Operators.collectRows(Operators.create(spec, context(allocator).withMetrics(metrics)));
            if (held != null) {
                allocator.free(held);
            }
            assertEquals(0, allocator.allocatedBytes(), "memory leaked");
            StepMetrics step = metrics.step(spec);
            assertNotNull(step);
            return new Outcome(HashAggregateOperatorTest.sorted(rows), step.spilledBytes());
        }
    }

    /** Doubles compared to 1e-9 relative (variance merges partial states in another order); the rest exactly. */
    private static void assertSameRows(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            assertEquals(e.size(), a.size());
            for (int c = 0; c < e.size(); c++) {
                if (e.get(c) instanceof Double x && a.get(c) instanceof Double y) {
                    assertEquals(x, y, Math.abs(x) * 1e-9 + 1e-9, "row " + e + " column " + c);
                } else {
                    assertEquals(e.get(c), a.get(c), "row " + e + " column " + c);
                }
            }
        }
    }

    @Test
    void singleModeSpillsAndReturnsTheSameGroups() {
        List<List<Object>> rows = manyGroups(20_000, 6_000, 1);
        AggregateSpec spec = new AggregateSpec(values(TYPES, rows), List.of(0, 1), SINGLE_CALLS, AggregateMode.SINGLE);
        Outcome unlimited = run(spec, BufferAllocator.UNLIMITED, 0);
        Outcome small = run(spec, SMALL_BUDGET, 0);
        assertEquals(0, unlimited.spilledBytes());
        assertTrue(small.spilledBytes() > 0, "spilled " + small.spilledBytes());
        assertTrue(unlimited.rows().size() > 10_000, "groups " + unlimited.rows().size());
        assertSameRows(unlimited.rows(), small.rows());
    }

    @Test
    void twoPhaseFlushesPartialGroupsAndSpillsTheFinalOnes() {
        List<List<Object>> rows = manyGroups(20_000, 6_000, 2);
        List<AggregateCall> calls = Stream.concat(HashAggregateOperatorTest.CALLS.stream(), Stream.of(
                new AggregateCall(AggregateFunction.VAR_POP, 4, false, SqlType.DOUBLE))).toList();
        AggregateSpec partial = new AggregateSpec(values(TYPES, rows), List.of(0, 1), calls, AggregateMode.PARTIAL);
        AggregateSpec spec = new AggregateSpec(partial, List.of(0, 1), calls, AggregateMode.FINAL);
        Outcome unlimited = run(spec, BufferAllocator.UNLIMITED, 0);
        // Twice the budget: PARTIAL and FINAL both hold groups, and FINAL's spilled rows (partial states) are wider.
        Outcome small = run(spec, 2 * SMALL_BUDGET, 0);
        assertTrue(small.spilledBytes() > 0, "spilled " + small.spilledBytes());
        assertSameRows(unlimited.rows(), small.rows());
    }

    /** Memory that other operators of the query hold: over half of a 256 MiB budget, so aggregations spill. */
    private static final long STARVED_BUDGET = 256L << 20;
    private static final long HELD_BY_OTHERS = (128L << 20) + 1;

    @Test
    void partitionsStillOverBudgetSpillAgainUntilTheLastLevel() {
        // 40,000 rows, nearly all with their own key: a level-0 spill sends about 2,250 rows of distinct keys
        // to each partition, whose operator (level 1) holds 1,024 groups after its first 1,024-row read and
        // spills the rest again.
        Random random = new Random(3);
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 40_000; i++) {
            rows.add(row(i % 20 == 0 ? null : i, "g" + (i % 2), (long) random.nextInt(1000), null, null, "s" + random.nextInt(1000)));
        }
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, -1, false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, 2, false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.MAX, 5, false, varchar(10)));
        AggregateSpec spec = new AggregateSpec(values(TYPES, rows), List.of(0, 1), calls, AggregateMode.SINGLE);
        List<List<Object>> expected = run(spec, BufferAllocator.UNLIMITED, 0).rows();
        Outcome fromTop = run(spec, STARVED_BUDGET, HELD_BY_OTHERS);
        assertSameRows(expected, fromTop.rows());
        // The same input as a partition at the last level that spills: its partitions, as big as level 1's
        // above, are past MAX_LEVELS and aggregate in memory, so only the first pass is written.
        try (BufferAllocator allocator = new BufferAllocator("spill-test", STARVED_BUDGET)) {
            MemorySegment held = allocator.allocate(HELD_BY_OTHERS);
            QueryMetrics metrics = new QueryMetrics(spec);
            ExecutionContext context = context(allocator).withMetrics(metrics);
            Operator aggregate = new HashAggregateOperator(spec, context, Operators.create(spec.input(), context),
                    SpillPolicy.MAX_LEVELS - 1);
            assertSameRows(expected, HashAggregateOperatorTest.sorted(Operators.collectRows(aggregate)));
            allocator.free(held);
            assertEquals(0, allocator.allocatedBytes(), "memory leaked");
            long lastLevelOnly = metrics.step(spec).spilledBytes();
            assertTrue(lastLevelOnly > 0);
            assertTrue(fromTop.spilledBytes() > lastLevelOnly * 3 / 2, fromTop.spilledBytes() + " vs " + lastLevelOnly);
        }
    }

    @Test
    void partialSketchesFlushedEarlyMergeIntoTheSameEstimates() {
        List<List<Object>> rows = manyGroups(6_000, 1_500, 7);
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, 5, false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.COUNT, 5, false, SqlType.BIGINT));
        AggregateSpec partial = new AggregateSpec(values(TYPES, rows), List.of(0, 1), calls, AggregateMode.PARTIAL);
        AggregateSpec spec = new AggregateSpec(partial, List.of(0, 1), calls, AggregateMode.FINAL);
        Outcome unlimited = run(spec, BufferAllocator.UNLIMITED, 0);
        Outcome starved = run(spec, STARVED_BUDGET, HELD_BY_OTHERS);
        assertTrue(starved.spilledBytes() > 0, "spilled " + starved.spilledBytes());
        assertSameRows(unlimited.rows(), starved.rows());
    }

    @Test
    void globalAggregateNeverSpills() {
        List<List<Object>> rows = manyGroups(5_000, 10, 4);
        AggregateSpec spec = new AggregateSpec(values(TYPES, rows), List.of(), SINGLE_CALLS, AggregateMode.SINGLE);
        Outcome starved = run(spec, STARVED_BUDGET, HELD_BY_OTHERS);
        assertEquals(0, starved.spilledBytes());
        assertSameRows(run(spec, BufferAllocator.UNLIMITED, 0).rows(), starved.rows());
    }

    /** Returns its input's batches, then fails instead of ending: an error after the aggregation spilled. */
    private static final class FailingAtEnd implements Operator {
        private final Operator input;

        FailingAtEnd(Operator input) {
            this.input = input;
        }

        @Override
        public Batch next() {
            Batch batch = input.next();
            if (batch == null) {
                throw new CepheidException(ErrorCode.IO_ERROR, "input failed");
            }
            return batch;
        }

        @Override
        public void close() {
            input.close();
        }
    }

    @Test
    void failingInputAfterSpillingFreesMemoryAndFiles() {
        ValuesSpec input = values(TYPES, manyGroups(20_000, 6_000, 5));
        AggregateSpec spec = new AggregateSpec(input, List.of(0, 1), SINGLE_CALLS, AggregateMode.SINGLE);
        try (BufferAllocator allocator = new BufferAllocator("spill-test", SMALL_BUDGET)) {
            var context = context(allocator);
            Operator aggregate = new HashAggregateOperator(spec, context, new FailingAtEnd(Operators.create(input, context)), 0);
            CepheidException e = assertThrows(CepheidException.class, aggregate::next);
            assertEquals("input failed", e.getMessage());
            aggregate.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void closingHalfWayThroughThePartitionsFreesMemoryAndFiles() {
        PlanSpec input = values(TYPES, manyGroups(20_000, 6_000, 6));
        AggregateSpec spec = new AggregateSpec(input, List.of(0, 1), SINGLE_CALLS, AggregateMode.SINGLE);
        try (BufferAllocator allocator = new BufferAllocator("spill-test", SMALL_BUDGET)) {
            Operator aggregate = Operators.create(spec, context(allocator));
            int groups = 0;
            // Past the in-memory groups and into the spilled partitions, then stop (as a LIMIT would).
            for (int i = 0; i < 4; i++) {
                try (Batch batch = aggregate.next()) {
                    groups += batch.size();
                }
            }
            assertTrue(groups > 0);
            aggregate.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }
}
