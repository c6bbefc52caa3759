package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * Join without equality keys (cross joins, theta joins): every left row against every buffered right row.
 * {@code condition} (null = always true) is over left columns then right columns. Output as {@link HashJoinSpec}.
 */
public record NestedLoopJoinSpec(PlanSpec left, PlanSpec right, JoinKind kind, ExprSpec condition) implements PlanSpec {
    @Override
    public List<SqlType> outputTypes() {
        return HashJoinSpec.joinedTypes(left, right, kind);
    }
}
