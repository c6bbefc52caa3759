package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * An exchange inside a slice fragment: {@code input} runs once per slice and each row goes to the slice
 * that {@code DistributionHash} gives its {@code keyColumn} value, the same placement a table with that
 * DISTKEY has, so a redistributed side lines up with a table stored on the key (Redshift's DS_DIST_INNER,
 * DS_DIST_OUTER, DS_DIST_BOTH). Outside a fragment the one consumer simply reads {@code input}.
 */
public record RedistributeSpec(PlanSpec input, int keyColumn) implements PlanSpec {
    public RedistributeSpec {
        if (keyColumn < 0 || keyColumn >= input.outputTypes().size()) {
            throw new IllegalArgumentException("key column " + keyColumn + " out of range");
        }
    }

    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
