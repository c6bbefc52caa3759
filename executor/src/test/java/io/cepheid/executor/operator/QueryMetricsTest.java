package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryMetricsTest {
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT);

    /** Two slices of 5000 ascending ids each, row groups of 1000 rows. */
    private static FakeCatalog catalog() {
        List<List<List<Object>>> slices = new ArrayList<>();
        for (int slice = 0; slice < 2; slice++) {
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 5000; i++) {
                rows.add(row(slice * 5000 + i));
            }
            slices.add(rows);
        }
        return new FakeCatalog().add("t", TYPES, slices, 1000);
    }

    private static long run(PlanSpec plan, QueryMetrics metrics) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("metrics-test")) {
            long rows = Operators.collectRows(Operators.create(plan, context(allocator, catalog(), 2).withMetrics(metrics))).size();
            assertEquals(0, allocator.allocatedBytes());
            return rows;
        }
    }

    @Test
    void stepsSumOverSlicesAndScansCountBlocks() {
        ExprSpec filter = call(Function.GE, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(9500L, SqlType.BIGINT));
        ScanSpec scan = new ScanSpec("public", "t", List.of(0), TYPES, filter);
        GatherSpec gather = new GatherSpec(scan);
        QueryMetrics metrics = new QueryMetrics(gather);
        assertEquals(500, run(gather, metrics));

        StepMetrics scanned = metrics.step(scan);
        assertEquals(2, scanned.instances());
        assertEquals(500, scanned.rows());
        assertEquals(500 * 8, scanned.bytes());
        // Only row group [9000, 10000) of slice 1 can match: 1 block read, the other 9 skipped.
        assertEquals(1, scanned.blocksRead());
        assertEquals(9, scanned.blocksSkipped());
        assertEquals(1000, scanned.rowsPreFilter());
        assertTrue(scanned.maxNanos() > 0 && scanned.maxNanos() <= scanned.totalNanos());

        StepMetrics gathered = metrics.step(gather);
        assertEquals(1, gathered.instances());
        assertEquals(500, gathered.rows());
    }

    @Test
    void equalSpecsAreSeparateSteps() {
        ScanSpec first = new ScanSpec("public", "t", List.of(0), TYPES, null);
        ScanSpec second = new ScanSpec("public", "t", List.of(0), TYPES, null);
        UnionAllSpec union = new UnionAllSpec(List.of(first, second));
        QueryMetrics metrics = new QueryMetrics(union);
        assertEquals(20_000, run(union, metrics));
        assertNotSame(metrics.step(first), metrics.step(second));
        assertEquals(10_000, metrics.step(first).rows());
        assertEquals(10_000, metrics.step(second).rows());
        assertEquals(20_000, metrics.step(union).rows());
        assertEquals(10, metrics.step(first).blocksRead());
    }
}
