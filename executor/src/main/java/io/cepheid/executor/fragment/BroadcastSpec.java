package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * An exchange inside a slice fragment: {@code input} runs once per slice and every consumer slice receives
 * all of its rows (Redshift's DS_BCAST_INNER, the small inner side of a join copied to every slice).
 * Outside a fragment the one consumer simply reads {@code input}.
 */
public record BroadcastSpec(PlanSpec input) implements PlanSpec {
    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
