package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/** Computes one output column per expression, over the input's columns. */
public record ProjectSpec(PlanSpec input, List<ExprSpec> expressions) implements PlanSpec {
    public ProjectSpec {
        expressions = List.copyOf(expressions);
    }

    @Override
    public List<SqlType> outputTypes() {
        return expressions.stream().map(ExprSpec::type).toList();
    }
}
