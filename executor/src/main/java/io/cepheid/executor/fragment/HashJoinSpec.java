package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Equi-join: builds a hash table on {@code right} (the inner, Redshift's "Hash" side), probes it with
 * {@code left}. Key columns match pairwise and null keys never match. {@code residual}, when not null, is
 * an extra condition over the joined row (left columns, then right columns). Output: left columns then
 * right columns; for SEMI and ANTI only the left columns.
 */
public record HashJoinSpec(PlanSpec left, PlanSpec right, JoinKind kind, List<Integer> leftKeys, List<Integer> rightKeys,
                           ExprSpec residual) implements PlanSpec {
    public HashJoinSpec {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
    }

    @Override
    public List<SqlType> outputTypes() {
        return joinedTypes(left, right, kind);
    }

    static List<SqlType> joinedTypes(PlanSpec left, PlanSpec right, JoinKind kind) {
        List<SqlType> types = new ArrayList<>(left.outputTypes());
        if (kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            types.addAll(right.outputTypes());
        }
        return types;
    }
}
