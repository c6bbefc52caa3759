package io.cepheid.server;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanInputs;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.executor.operator.QueryMetrics;
import io.cepheid.executor.operator.StepMetrics;
import io.cepheid.planner.catalog.QueryLog;
import io.cepheid.planner.catalog.RedshiftSystemTables;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished query's step counters into svl_query_summary rows. Steps are numbered in plan order
 * (as EXPLAIN prints them) within their segment: segment 0 runs on the leader, and each {@code XN Network}
 * step starts a new segment for the fragment under it that runs on every slice.
 */
final class StepSummaries {
    private StepSummaries() {
    }

    static List<QueryLog.LoggedStep> of(PlanSpec plan, QueryMetrics metrics) {
        List<QueryLog.LoggedStep> steps = new ArrayList<>();
        add(plan, 0, metrics, steps, new int[] {0}, new ArrayList<>(List.of(0)));
        return steps;
    }

    private static void add(PlanSpec spec, int segment, QueryMetrics metrics, List<QueryLog.LoggedStep> steps,
                            int[] lastSegment, List<Integer> nextStep) {
        int step = nextStep.get(segment);
        nextStep.set(segment, step + 1);
        StepMetrics counted = metrics.step(spec);
        long instances = Math.max(1, counted.instances());
        steps.add(new QueryLog.LoggedStep(segment, step, label(spec), counted.maxNanos() / 1000,
                counted.totalNanos() / instances / 1000, counted.rows(), counted.bytes(), counted.rowsPreFilter(),
                counted.blocksRead(), counted.blocksSkipped(), counted.spilledBytes()));
        int childSegment = segment;
        if (spec instanceof GatherSpec) {
            childSegment = ++lastSegment[0];
            nextStep.add(0);
        }
        for (PlanSpec input : PlanInputs.of(spec)) {
            add(input, childSegment, metrics, steps, lastSegment, nextStep);
        }
    }

    /** Redshift's step names: the operation padded to six characters, then what it reads. */
    static String label(PlanSpec spec) {
        return switch (spec) {
            case ScanSpec scan -> "scan   tbl=" + RedshiftSystemTables.tableId(scan.schema(), scan.table()) + " name=" + scan.table();
            case ValuesSpec values -> "values";
            case FilterSpec filter -> "filter";
            case ProjectSpec project -> "project";
            case AggregateSpec aggregate -> "aggr";
            case HashJoinSpec join -> "hjoin";
            case NestedLoopJoinSpec join -> "nloop";
            case SortSpec sort -> "sort";
            case MergeSpec merge -> "merge";
            case LimitSpec limit -> "limit";
            case UnionAllSpec union -> "append";
            case GatherSpec gather -> "return";
            case WindowSpec window -> "window";
            case BroadcastSpec broadcast -> "bcast";
            case RedistributeSpec redistribute -> "dist";
        };
    }
}
