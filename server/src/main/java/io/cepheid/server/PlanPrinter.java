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
import io.cepheid.executor.operator.QueryMetrics;
import io.cepheid.executor.operator.StepMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints an executor plan as Redshift's EXPLAIN does: one {@code XN} step per line, children indented under
 * {@code ->}, joins labelled with how their rows move. A join inside a slice fragment moves nothing: both
 * sides distributed on the join key (DS_DIST_NONE) or the inner a DISTSTYLE ALL table (DS_DIST_ALL_NONE).
 * A join above the {@code XN Network} step runs after both sides were sent to one place (DS_DIST_BOTH).
 */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static List<String> print(PlanSpec plan) {
        return print(plan, null);
    }

    /**
     * EXPLAIN ANALYZE: each step also shows what it did, from {@code metrics} (null for plain EXPLAIN). Rows
     * and blocks are summed over slices; time is the slowest slice's, inclusive of the step's inputs.
     */
    static List<String> print(PlanSpec plan, QueryMetrics metrics) {
        List<String> lines = new ArrayList<>();
        print(plan, 0, false, lines, metrics);
        return lines;
    }

    private static void print(PlanSpec plan, int depth, boolean inSlices, List<String> lines, QueryMetrics metrics) {
        String indent = depth == 0 ? "" : "      ".repeat(depth - 1) + "  ->  ";
        String detailIndent = "      ".repeat(depth) + "  ";
        StepMetrics actual = metrics == null ? null : metrics.step(plan);
        lines.add(indent + describe(plan, inSlices) + (actual == null ? "" : String.format(Locale.ROOT,
                " (actual rows=%d time=%.2f ms)", actual.rows(), actual.maxNanos() / 1e6)));
        for (String detail : details(plan)) {
            lines.add(detailIndent + detail);
        }
        if (actual != null && plan instanceof ScanSpec) {
            lines.add(detailIndent + "blocks: read=" + actual.blocksRead() + " skipped=" + actual.blocksSkipped());
        }
        boolean childInSlices = inSlices || plan instanceof GatherSpec;
        switch (plan) {
            case HashJoinSpec join -> {
                print(join.left(), depth + 1, childInSlices, lines, metrics);
                lines.add("      ".repeat(depth) + "  ->  XN Hash");
                print(join.right(), depth + 2, childInSlices, lines, metrics);
            }
            default -> {
                for (PlanSpec child : children(plan)) {
                    print(child, depth + 1, childInSlices, lines, metrics);
                }
            }
        }
    }

    private static String describe(PlanSpec plan, boolean inSlices) {
        return switch (plan) {
            case ScanSpec scan -> "XN Seq Scan on " + scan.table();
            case ValuesSpec values -> "XN Values (" + values.rows().size() + " rows)";
            case FilterSpec filter -> "XN Filter";
            case ProjectSpec project -> "XN Project";
            case AggregateSpec aggregate -> "XN " + (aggregate.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate")
                    + (aggregate.mode() == io.cepheid.executor.fragment.AggregateMode.SINGLE ? ""
                    : " (" + aggregate.mode().name().toLowerCase(Locale.ROOT) + ")");
            case HashJoinSpec join -> "XN Hash " + joinName(join.kind().name()) + " " + movement(join.right(), inSlices);
            case NestedLoopJoinSpec join -> "XN Nested Loop " + joinName(join.kind().name()) + " " + movement(join.right(), inSlices);
            case SortSpec sort -> sort.limit() >= 0 ? "XN Limit (top-N sort)" : "XN Sort";
            case LimitSpec limit -> "XN Limit";
            case UnionAllSpec union -> "XN Append";
            case GatherSpec gather -> "XN Network";
            case WindowSpec window -> "XN Window";
        };
    }

    private static List<String> details(PlanSpec plan) {
        return switch (plan) {
            case ScanSpec scan -> {
                List<String> details = new ArrayList<>();
                if (scan.filter() != null) {
                    details.add("Filter: pushed down (zone maps prune blocks)");
                }
                if (scan.wholeTable()) {
                    details.add("Every slice reads the whole table (DISTSTYLE ALL)");
                }
                yield details;
            }
            case GatherSpec gather -> List.of("Send to leader");
            case SortSpec sort -> List.of("Sort Key: " + sort.keys().stream()
                    .map(k -> "$" + k.column() + (k.descending() ? " DESC" : "")).toList());
            default -> List.of();
        };
    }

    /** Redshift's label for how a join's rows reach it. */
    private static String movement(PlanSpec inner, boolean inSlices) {
        if (!inSlices) {
            return "DS_DIST_BOTH";
        }
        return readsWholeTable(inner) ? "DS_DIST_ALL_NONE" : "DS_DIST_NONE";
    }

    private static boolean readsWholeTable(PlanSpec plan) {
        if (plan instanceof ScanSpec scan) {
            return scan.wholeTable();
        }
        return children(plan).stream().anyMatch(PlanPrinter::readsWholeTable);
    }

    private static String joinName(String kind) {
        return switch (kind) {
            case "INNER" -> "Join";
            case "SEMI" -> "Semi Join";
            case "ANTI" -> "Anti Join";
            default -> kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT) + " Join";
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
