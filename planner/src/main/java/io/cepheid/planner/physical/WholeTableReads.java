package io.cepheid.planner.physical;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowSpec;

/**
 * Rewrites a per-slice subtree over DISTSTYLE ALL tables so that every slice reads the whole tables, for
 * use as the inner side of a join that runs in each slice.
 */
final class WholeTableReads {
    private WholeTableReads() {
    }

    private static IllegalStateException notPerSlice(PlanSpec spec) {
        return new IllegalStateException("not part of a per-slice subtree: " + spec.getClass().getSimpleName());
    }

    static PlanSpec rewrite(PlanSpec spec) {
        return switch (spec) {
            case ScanSpec scan -> scan.wholeTableOnEverySlice();
            case FilterSpec filter -> new FilterSpec(rewrite(filter.input()), filter.condition());
            case ProjectSpec project -> new ProjectSpec(rewrite(project.input()), project.expressions());
            case HashJoinSpec join -> new HashJoinSpec(rewrite(join.left()), rewrite(join.right()), join.kind(),
                    join.leftKeys(), join.rightKeys(), join.residual());
            case NestedLoopJoinSpec join -> new NestedLoopJoinSpec(rewrite(join.left()), rewrite(join.right()),
                    join.kind(), join.condition());
            // Every slice already sees all of a broadcast; a redistributed input must now reach every slice whole.
            case BroadcastSpec broadcast -> broadcast;
            case RedistributeSpec redistribute -> new BroadcastSpec(redistribute.input());
            case ValuesSpec values -> throw notPerSlice(values);
            case AggregateSpec aggregate -> throw notPerSlice(aggregate);
            case SortSpec sort -> throw notPerSlice(sort);
            case MergeSpec merge -> throw notPerSlice(merge);
            case LimitSpec limit -> throw notPerSlice(limit);
            case UnionAllSpec union -> throw notPerSlice(union);
            case GatherSpec gather -> throw notPerSlice(gather);
            case WindowSpec window -> throw notPerSlice(window);
        };
    }
}
