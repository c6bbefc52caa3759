package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** Literal rows (VALUES, or a query without FROM). Values use {@link io.cepheid.executor.expression.ExprSpec.Literal}'s representation. */
public record ValuesSpec(List<SqlType> outputTypes, List<List<Object>> rows) implements PlanSpec {
    public ValuesSpec {
        outputTypes = List.copyOf(outputTypes);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }
}
