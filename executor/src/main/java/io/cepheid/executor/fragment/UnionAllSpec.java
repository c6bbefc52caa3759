package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/** Concatenates inputs of identical column types. */
public record UnionAllSpec(List<PlanSpec> inputs) implements PlanSpec {
    public UnionAllSpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public List<SqlType> outputTypes() {
        return inputs.getFirst().outputTypes();
    }
}
