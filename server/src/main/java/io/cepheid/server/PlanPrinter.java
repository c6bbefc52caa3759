package io.cepheid.server;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowSpec;

import java.util.ArrayList;
import java.util.List;

/** Prints an executor plan as an indented tree, one step per line, in Redshift's step vocabulary. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static List<String> print(PlanSpec plan) {
        List<String> lines = new ArrayList<>();
        print(plan, 0, lines);
        return lines;
    }

    private static void print(PlanSpec plan, int depth, List<String> lines) {
        String indent = depth == 0 ? "" : "  ".repeat(depth - 1) + "->  ";
        lines.add(indent + describe(plan));
        for (PlanSpec child : children(plan)) {
            print(child, depth + 1, lines);
        }
    }

    private static String describe(PlanSpec plan) {
        return switch (plan) {
            case ScanSpec scan -> "XN Seq Scan on " + scan.table() + (scan.filter() == null ? "" : "  (filter pushed down)");
            case ValuesSpec values -> "XN Values (" + values.rows().size() + " rows)";
            case FilterSpec filter -> "XN Filter";
            case ProjectSpec project -> "XN Project (" + project.expressions().size() + " columns)";
            case AggregateSpec aggregate -> "XN " + (aggregate.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate")
                    + " " + aggregate.mode().name().toLowerCase(java.util.Locale.ROOT);
            case HashJoinSpec join -> "XN Hash " + joinName(join.kind().name());
            case NestedLoopJoinSpec join -> "XN Nested Loop " + joinName(join.kind().name());
            case SortSpec sort -> sort.limit() >= 0 ? "XN Limit (top-N sort)" : "XN Sort";
            case LimitSpec limit -> "XN Limit";
            case UnionAllSpec union -> "XN Append";
            case GatherSpec gather -> "XN Network (DS_RETURN: gather all slices)";
            case WindowSpec window -> "XN Window (" + window.calls().size() + " functions)";
        };
    }

    private static String joinName(String kind) {
        return switch (kind) {
            case "INNER" -> "Join";
            case "SEMI" -> "Semi Join";
            case "ANTI" -> "Anti Join";
            default -> kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT) + " Join";
        };
    }

    private static List<PlanSpec> children(PlanSpec plan) {
        return switch (plan) {
            case ScanSpec scan -> List.of();
            case ValuesSpec values -> List.of();
            case FilterSpec filter -> List.of(filter.input());
            case ProjectSpec project -> List.of(project.input());
            case AggregateSpec aggregate -> List.of(aggregate.input());
            case HashJoinSpec join -> List.of(join.left(), join.right());
            case NestedLoopJoinSpec join -> List.of(join.left(), join.right());
            case SortSpec sort -> List.of(sort.input());
            case LimitSpec limit -> List.of(limit.input());
            case UnionAllSpec union -> union.inputs();
            case GatherSpec gather -> List.of(gather.input());
            case WindowSpec window -> List.of(window.input());
        };
    }
}
