package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/** Keeps the rows for which {@code condition} is TRUE (not FALSE, not NULL). */
public record FilterSpec(PlanSpec input, ExprSpec condition) implements PlanSpec {
    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
