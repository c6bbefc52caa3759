package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.io.Serializable;
import java.util.List;

/**
 * A physical operator's plan side: immutable data that the leader builds and a worker runs. The running
 * state lives in the matching operator ({@code FilterSpec} → {@code FilterOperator}).
 */
public sealed interface PlanSpec extends Serializable
        permits ScanSpec, ValuesSpec, FilterSpec, ProjectSpec, AggregateSpec, HashJoinSpec, NestedLoopJoinSpec,
        SortSpec, MergeSpec, LimitSpec, UnionAllSpec, GatherSpec, WindowSpec, BroadcastSpec, RedistributeSpec {
    /** Types of the output columns, in order. */
    List<SqlType> outputTypes();
}
