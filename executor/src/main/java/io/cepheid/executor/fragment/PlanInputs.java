package io.cepheid.executor.fragment;

import java.util.List;

/** The input specs of each spec, in the order its operator pulls them (a join: left, then right). */
public final class PlanInputs {
    private PlanInputs() {
    }

    public static List<PlanSpec> of(PlanSpec spec) {
        return switch (spec) {
            case ScanSpec scan -> List.of();
            case ValuesSpec values -> List.of();
            case FilterSpec filter -> List.of(filter.input());
            case ProjectSpec project -> List.of(project.input());
            case AggregateSpec aggregate -> List.of(aggregate.input());
            case HashJoinSpec join -> List.of(join.left(), join.right());
            case NestedLoopJoinSpec join -> List.of(join.left(), join.right());
            case SortSpec sort -> List.of(sort.input());
            case MergeSpec merge -> List.of(merge.input());
            case LimitSpec limit -> List.of(limit.input());
            case UnionAllSpec union -> union.inputs();
            case GatherSpec gather -> List.of(gather.input());
            case WindowSpec window -> List.of(window.input());
            case BroadcastSpec broadcast -> List.of(broadcast.input());
            case RedistributeSpec redistribute -> List.of(redistribute.input());
        };
    }
}
