package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A query over its memory budget fails with OUT_OF_MEMORY (53200) and still returns every byte on close. */
class MemoryLimitTest {
    private static final List<List<Object>> ROWS = HashAggregateOperatorTest.randomRows(9000, 9);

    private static void assertOutOfMemory(PlanSpec spec, long limit) {
        try (BufferAllocator allocator = new BufferAllocator("limited", limit)) {
            Operator operator = Operators.create(spec, context(allocator));
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(operator));
            assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
            assertEquals("53200", e.sqlState());
            operator.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void sortOverBudget() {
        assertOutOfMemory(new SortSpec(values(HashAggregateOperatorTest.TYPES, ROWS), List.of(new SortKey(2, false, false)), 0,
                SortSpec.NO_LIMIT), 400_000);
    }

    /** An aggregate spills past half its budget (HashAggregateSpillTest), but 400 kB is less than spilling needs. */
    @Test
    void aggregateBelowWhatSpillingNeeds() {
        assertOutOfMemory(HashAggregateOperatorTest.aggregate(values(HashAggregateOperatorTest.TYPES, ROWS), List.of(2, 5),
                AggregateMode.SINGLE), 400_000);
    }

    /** Spilling cannot split a build side whose rows all share one key, so past the last spill level it fails. */
    @Test
    void joinBuildOverBudget() {
        var types = HashAggregateOperatorTest.TYPES;
        List<List<Object>> oneKey = ROWS.stream().map(row -> {
            List<Object> copy = new java.util.ArrayList<>(row);
            copy.set(0, 1L);
            return copy;
        }).toList();
        assertOutOfMemory(new HashJoinSpec(values(types, ROWS), values(types, oneKey), JoinKind.INNER, List.of(0), List.of(0), null),
                400_000);
    }

    @Test
    void sameQueriesFitInALargerBudget() {
        try (BufferAllocator allocator = new BufferAllocator("roomy", 64L << 20)) {
            var spec = HashAggregateOperatorTest.aggregate(values(HashAggregateOperatorTest.TYPES, ROWS), List.of(0, 1),
                    AggregateMode.SINGLE);
            Operators.collectRows(Operators.create(spec, context(allocator)));
            assertEquals(0, allocator.allocatedBytes());
        }
    }
}
