package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions over one PARTITION BY / ORDER BY: the output is every input column followed by one
 * column per call, rows in partition then order-key order.
 */
public record WindowSpec(PlanSpec input, List<Integer> partitionKeys, List<SortKey> orderKeys, List<WindowCall> calls)
        implements PlanSpec {
    public WindowSpec {
        partitionKeys = List.copyOf(partitionKeys);
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }

    @Override
    public List<SqlType> outputTypes() {
        List<SqlType> types = new ArrayList<>(input.outputTypes());
        for (WindowCall call : calls) {
            types.add(call.resultType());
        }
        return List.copyOf(types);
    }
}
