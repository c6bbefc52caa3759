package io.cepheid.executor.fragment;

/**
 * Where an aggregation runs. SINGLE does it all in one place; PARTIAL runs per slice and emits states
 * (for AVG: sum and count), FINAL merges the states of all slices on the leader.
 */
public enum AggregateMode {
    SINGLE, PARTIAL, FINAL
}
