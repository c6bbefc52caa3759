package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.io.Serializable;
import java.util.List;

/**
 * One aggregate of an {@link AggregateSpec}: {@code argument} is an input column (-1 for COUNT(*)).
 * {@code resultType} is the SQL result: COUNT is BIGINT; SUM of integers is BIGINT, of DECIMAL(p,s) is
 * DECIMAL(18,s), of floats DOUBLE; AVG of integers is BIGINT (truncated, as Redshift), of DECIMAL keeps the
 * scale, of floats DOUBLE; MIN/MAX keep the argument's type; STDDEV/VARIANCE and PERCENTILE_CONT are DOUBLE.
 * <p>
 * {@code fraction} is PERCENTILE_CONT/DISC's percentile (0..1); {@code delimiter} is LISTAGG's separator;
 * {@code order} is the WITHIN GROUP (ORDER BY ...) key of PERCENTILE_* (over {@code argument}) and LISTAGG
 * (empty: any order). {@code distinct} is only left to the executor for LISTAGG; other DISTINCT aggregates
 * are rewritten by the planner.
 */
public record AggregateCall(AggregateFunction function, int argument, boolean distinct, SqlType resultType,
                            double fraction, String delimiter, List<SortKey> order) implements Serializable {
    public AggregateCall {
        order = List.copyOf(order);
    }

    public AggregateCall(AggregateFunction function, int argument, boolean distinct, SqlType resultType) {
        this(function, argument, distinct, resultType, 0, "", List.of());
    }
}
