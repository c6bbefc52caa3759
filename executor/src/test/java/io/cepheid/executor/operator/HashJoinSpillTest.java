package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.spill.SpillPolicy;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.operator.HashAggregateOperatorTest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hash joins whose build side outgrows a small memory budget spill to disk and return exactly what they
 * return in memory, for every join kind, with and without a residual condition; memory and files are all
 * given back, also after a failure.
 */
class HashJoinSpillTest {
    @TempDir
    Path spillDirectory;
    private String previousDirectory;

    @BeforeEach
    void useTemporarySpillDirectory() {
        previousDirectory = System.getProperty(SpillPolicy.DIRECTORY_PROPERTY);
        System.setProperty(SpillPolicy.DIRECTORY_PROPERTY, spillDirectory.toString());
    }

    @AfterEach
    void restoreSpillDirectory() {
        if (previousDirectory == null) {
            System.clearProperty(SpillPolicy.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(SpillPolicy.DIRECTORY_PROPERTY, previousDirectory);
        }
    }

    /** Rows and spilled bytes of one run under {@code limit}; checks that memory and spill files are all freed. */
    private record Run(List<List<Object>> rows, long spilledBytes) {
    }

    private Run run(PlanSpec spec, long limit) throws IOException {
        QueryMetrics metrics = new QueryMetrics(spec);
        List<List<Object>> rows;
        try (BufferAllocator allocator = new BufferAllocator("spill-join-test", limit)) {
            rows = Operators.collectRows(Operators.create(spec, context(allocator).withMetrics(metrics)));
            assertEquals(0, allocator.allocatedBytes(), "memory leaked");
        }
        assertNoSpillFilesLeft();
        return new Run(sorted(rows), metrics.step(spec).spilledBytes());
    }

    private void assertNoSpillFilesLeft() throws IOException {
        try (Stream<Path> files = Files.list(spillDirectory)) {
            assertEquals(List.of(), files.toList(), "spill files left behind");
        }
    }

    private static HashJoinSpec join(List<List<Object>> left, List<List<Object>> right, JoinKind kind, boolean residual) {
        var types = JoinOperatorTest.TYPES;
        return new HashJoinSpec(values(types, left), values(types, right), kind, List.of(0, 1), List.of(0, 1),
                residual ? JoinOperatorTest.RESIDUAL : null);
    }

    @Test
    void everyKindGivesTheInMemoryAnswerWhenSpilled() throws IOException {
        // Keys repeat (about 3 build rows per key) and one in twelve of each key column is null. The build
        // side's 9,000 rows and their hash table need about 1 MB: a 1.2 MB budget spills after 8,192 rows.
        List<List<Object>> left = JoinOperatorTest.randomRows(1000, 11, 3000);
        List<List<Object>> right = JoinOperatorTest.randomRows(9000, 12, 3000);
        for (JoinKind kind : JoinKind.values()) {
            for (boolean residual : new boolean[] {false, true}) {
                String what = kind + " residual=" + residual;
                // JoinOperatorTest checks the in-memory join against a reference written in plain Java.
                Run inMemory = run(join(left, right, kind, residual), BufferAllocator.UNLIMITED);
                Run spilled = run(join(left, right, kind, residual), 1_200_000);
                assertEquals(0, inMemory.spilledBytes(), what);
                assertTrue(spilled.spilledBytes() > 0, what);
                assertEquals(inMemory.rows(), spilled.rows(), what);
            }
        }
    }

    /** Build rows that all share one key, which no number of hash bits can split, plus some other keys. */
    private static List<List<Object>> skewedBuildSide() {
        List<List<Object>> rows = new ArrayList<>(JoinOperatorTest.randomRows(3000, 21, 500));
        for (long i = 0; i < 25_000; i++) {
            rows.add(row(7L, "k0", i % 1000));
        }
        return rows;
    }

    private static List<List<Object>> probeSideWithHotKey() {
        List<List<Object>> rows = new ArrayList<>(JoinOperatorTest.randomRows(2000, 22, 500));
        rows.add(row(7L, "k0", 990L));
        rows.add(row(7L, "k0", null));
        return rows;
    }

    @Test
    void aPartitionThatCannotBeSplitIsSpilledAgainAtEveryLevelThenJoinedInMemory() throws IOException {
        List<List<Object>> left = probeSideWithHotKey();
        List<List<Object>> right = skewedBuildSide();
        // FULL: matched pairs, unmatched rows of both sides and null keys all pass through every level.
        Run spilled = run(join(left, right, JoinKind.FULL, true), 3_000_000);
        assertEquals(JoinOperatorTest.reference(left, right, JoinKind.FULL, true), spilled.rows());
        // The hot key's 25,000 rows (4 bytes of key, 8 of value, 2 of string and 4 of string offset at the
        // very least) are written once per level.
        assertTrue(spilled.spilledBytes() > SpillPolicy.MAX_LEVELS * 25_000L * 18, "spilled " + spilled.spilledBytes());
    }

    @Test
    void tooBigForMemoryAfterTheLastLevelFailsWithOutOfMemoryAndCleansUp() throws IOException {
        HashJoinSpec spec = join(probeSideWithHotKey(), skewedBuildSide(), JoinKind.INNER, false);
        try (BufferAllocator allocator = new BufferAllocator("spill-join-test", 1_500_000)) {
            Operator operator = Operators.create(spec, context(allocator));
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(operator));
            assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
            operator.close();
            assertEquals(0, allocator.allocatedBytes(), "memory leaked");
        }
        assertNoSpillFilesLeft();
    }
}
