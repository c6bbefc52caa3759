package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SingleValueAggregateTest {
    private static final List<SqlType> TYPES = List.of(SqlType.INTEGER, varchar(10));
    private static final AggregateCall SINGLE = new AggregateCall(AggregateFunction.SINGLE_VALUE, 1, false, varchar(10));

    @Test
    void eachGroupGivesItsOnlyValueIncludingNull() {
        var input = values(TYPES, List.of(row(1L, "a"), row(2L, null), row(3L, "c")));
        List<List<Object>> result = run(new AggregateSpec(input, List.of(0), List.of(SINGLE), AggregateMode.SINGLE));
        assertEquals(3, result.size());
        assertEquals(List.of(row(1L, "a"), row(2L, null), row(3L, "c")),
                result.stream().sorted((x, y) -> Long.compare((Long) x.get(0), (Long) y.get(0))).toList());
    }

    @Test
    void globalSingleValueOverNoRowsIsNull() {
        var input = values(TYPES, List.of());
        assertEquals(List.of(row((Object) null)),
                run(new AggregateSpec(input, List.of(), List.of(SINGLE), AggregateMode.SINGLE)));
    }

    @Test
    void secondRowInAGroupIsACardinalityViolation() {
        // NULL counts as a row: a subquery returning (NULL, 'x') still returns two rows.
        var input = values(TYPES, List.of(row(1L, null), row(1L, "x")));
        CepheidException error = assertThrows(CepheidException.class,
                () -> run(new AggregateSpec(input, List.of(0), List.of(SINGLE), AggregateMode.SINGLE)));
        assertEquals(ErrorCode.CARDINALITY_VIOLATION, error.code());
    }

    @Test
    void finalStepRejectsValuesFromTwoPartials() {
        var first = new AggregateSpec(values(TYPES, List.of(row(1L, "a"))), List.of(), List.of(SINGLE), AggregateMode.PARTIAL);
        var second = new AggregateSpec(values(TYPES, List.of(row(2L, "b"))), List.of(), List.of(SINGLE), AggregateMode.PARTIAL);
        var merged = new AggregateSpec(new UnionAllSpec(List.of(first, second)), List.of(), List.of(SINGLE), AggregateMode.FINAL);
        assertThrows(CepheidException.class, () -> run(merged));
        var alone = new AggregateSpec(first, List.of(), List.of(SINGLE), AggregateMode.FINAL);
        assertEquals(List.of(row("a")), run(alone));
    }
}
