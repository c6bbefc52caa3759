package io.cepheid.server;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanInputs;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.executor.operator.QueryMetrics;
import io.cepheid.executor.operator.StepMetrics;
import io.cepheid.planner.physical.PlanEstimates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Prints an executor plan as Redshift's EXPLAIN does: one {@code XN} step per line with its estimated
 * {@code (cost=startup..total rows=n width=w)}, children indented under {@code ->}, joins labelled with how
 * their rows move. Inside a slice fragment: both sides distributed on the join key (DS_DIST_NONE), the inner
 * a DISTSTYLE ALL table (DS_DIST_ALL_NONE), the inner broadcast (DS_BCAST_INNER), the inner, the outer or
 * both redistributed on a join key (DS_DIST_INNER, DS_DIST_OUTER, DS_DIST_BOTH). A join above the
 * {@code XN Network ... Send to leader} step runs after both sides were sent to the leader (DS_DIST_BOTH).
 * Exchanges print as {@code XN Network} steps saying "Send to leader", "Distribute" or "Broadcast". Under a
 * step, what it tests and orders by, with columns named by {@link PlanColumnNames}: {@code Hash Cond},
 * {@code Join Filter}, {@code Filter}, {@code Sort Key}, {@code Merge Key}, a Distribute's {@code Hash Key}.
 */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static List<String> print(PlanSpec plan, PlanEstimates estimates, PlanColumnNames names) {
        return print(plan, estimates, names, null);
    }

    /**
     * EXPLAIN ANALYZE: each step also shows what it did, from {@code metrics} (null for plain EXPLAIN). Rows
     * and blocks are summed over slices; time is the slowest slice's, inclusive of the step's inputs.
     */
    static List<String> print(PlanSpec plan, PlanEstimates estimates, PlanColumnNames names, QueryMetrics metrics) {
        List<String> lines = new ArrayList<>();
        print(plan, 0, false, estimates, names, lines, metrics);
        return lines;
    }

    private static void print(PlanSpec plan, int depth, boolean inSlices, PlanEstimates estimates, PlanColumnNames names,
                              List<String> lines, QueryMetrics metrics) {
        String indent = depth == 0 ? "" : "      ".repeat(depth - 1) + "  ->  ";
        String detailIndent = "      ".repeat(depth) + "  ";
        StepMetrics actual = metrics == null ? null : metrics.step(plan);
        lines.add(indent + describe(plan, inSlices) + estimate(estimates.of(plan)) + (actual == null ? "" : String.format(Locale.ROOT,
                " (actual rows=%d time=%.2f ms)", actual.rows(), actual.maxNanos() / 1e6)));
        for (String detail : details(plan, names)) {
            lines.add(detailIndent + detail);
        }
        if (actual != null && plan instanceof ScanSpec) {
            lines.add(detailIndent + "blocks: read=" + actual.blocksRead() + " skipped=" + actual.blocksSkipped());
        }
        if (actual != null && actual.spilledBytes() > 0) {
            lines.add(detailIndent + "spilled to disk: " + actual.spilledBytes() + " bytes");
        }
        boolean childInSlices = inSlices || plan instanceof GatherSpec;
        switch (plan) {
            case HashJoinSpec join -> {
                print(join.left(), depth + 1, childInSlices, estimates, names, lines, metrics);
                lines.add("      ".repeat(depth) + "  ->  XN Hash" + estimate(estimates.of(join.right())));
                print(join.right(), depth + 2, childInSlices, estimates, names, lines, metrics);
            }
            default -> {
                for (PlanSpec child : PlanInputs.of(plan)) {
                    print(child, depth + 1, childInSlices, estimates, names, lines, metrics);
                }
            }
        }
    }

    /** Redshift's figures after a step: {@code (cost=0.00..0.80 rows=80 width=4)}. */
    private static String estimate(PlanEstimates.Estimate estimate) {
        return String.format(Locale.ROOT, "  (cost=%.2f..%.2f rows=%d width=%d)", estimate.startupCost(),
                estimate.totalCost(), Math.round(estimate.rows()), estimate.width());
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
            case HashJoinSpec join -> "XN Hash " + joinName(join.kind().name()) + " " + movement(join.left(), join.right(), inSlices);
            case NestedLoopJoinSpec join -> "XN Nested Loop " + joinName(join.kind().name()) + " "
                    + movement(join.left(), join.right(), inSlices);
            // In a slice the sort feeds an XN Merge, which shows the LIMIT above it (Redshift's shape).
            case SortSpec sort -> sort.limit() >= 0 && !inSlices ? "XN Limit (top-N sort)" : "XN Sort";
            case MergeSpec merge -> "XN Merge";
            case LimitSpec limit -> "XN Limit";
            case UnionAllSpec union -> "XN Append";
            case GatherSpec gather -> "XN Network";
            case WindowSpec window -> "XN Window";
            case BroadcastSpec broadcast -> "XN Network";
            case RedistributeSpec redistribute -> "XN Network";
        };
    }

    private static List<String> details(PlanSpec plan, PlanColumnNames names) {
        return switch (plan) {
            case ScanSpec scan -> {
                List<String> details = new ArrayList<>();
                // A pushed-down filter also prunes blocks by zone maps; Redshift prints it as a plain Filter.
                if (scan.filter() != null) {
                    details.add("Filter: " + condition(scan.filter(), column -> names.name(scan, column)));
                }
                if (scan.wholeTable()) {
                    details.add("Every slice reads the whole table (DISTSTYLE ALL)");
                }
                yield details;
            }
            case FilterSpec filter -> List.of("Filter: " + condition(filter.condition(),
                    column -> names.name(filter.input(), column)));
            case HashJoinSpec join -> {
                List<String> details = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < join.leftKeys().size(); i++) {
                    keys.add("(" + qualified("outer", names.name(join.left(), join.leftKeys().get(i))) + " = "
                            + qualified("inner", names.name(join.right(), join.rightKeys().get(i))) + ")");
                }
                details.add("Hash Cond: " + (keys.size() == 1 ? keys.getFirst() : "(" + String.join(" AND ", keys) + ")"));
                if (join.residual() != null) {
                    details.add("Join Filter: " + joinCondition(join.residual(), join.left(), join.right(), names));
                }
                yield details;
            }
            case NestedLoopJoinSpec join -> join.condition() == null ? List.of()
                    : List.of("Join Filter: " + joinCondition(join.condition(), join.left(), join.right(), names));
            case GatherSpec gather -> List.of("Send to leader");
            case RedistributeSpec redistribute -> List.of("Distribute",
                    "Hash Key: " + names.name(redistribute.input(), redistribute.keyColumn()));
            case BroadcastSpec broadcast -> List.of("Broadcast");
            case SortSpec sort -> List.of("Sort Key: " + keyList(sort.keys(), sort.input(), names));
            case MergeSpec merge -> List.of("Merge Key: " + keyList(merge.keys(), merge.input(), names));
            default -> List.of();
        };
    }

    /** A condition in parentheses, as Redshift prints one: {@code (l_qty > 5)}, never doubled. */
    private static String condition(ExprSpec condition, IntFunction<String> columnName) {
        String text = ExpressionText.of(condition, columnName);
        return text.startsWith("(") && text.endsWith(")") ? text : "(" + text + ")";
    }

    /** A join condition over the joined row: left columns named {@code "outer".x}, right ones {@code "inner".y}. */
    private static String joinCondition(ExprSpec condition, PlanSpec outer, PlanSpec inner, PlanColumnNames names) {
        int outerWidth = outer.outputTypes().size();
        return condition(condition, column -> column < outerWidth ? qualified("outer", names.name(outer, column))
                : qualified("inner", names.name(inner, column - outerWidth)));
    }

    private static String qualified(String side, String name) {
        return PlanColumnNames.isIdentifier(name) ? "\"" + side + "\"." + name : name;
    }

    /** {@code o_totalprice DESC, o_orderkey}; NULLS FIRST/LAST only where it differs from NULLs sorting largest. */
    private static String keyList(List<SortKey> keys, PlanSpec input, PlanColumnNames names) {
        return String.join(", ", keys.stream().map(k -> names.name(input, k.column()) + (k.descending() ? " DESC" : "")
                + (k.nullsFirst() == k.descending() ? "" : k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST")).toList());
    }

    /** Redshift's label for how a join's rows reach it, read off the exchanges below its inputs. */
    private static String movement(PlanSpec outer, PlanSpec inner, boolean inSlices) {
        if (!inSlices) {
            return "DS_DIST_BOTH";
        }
        PlanSpec outerInput = belowProjects(outer);
        PlanSpec innerInput = belowProjects(inner);
        boolean outerMoves = outerInput instanceof RedistributeSpec;
        boolean innerMoves = innerInput instanceof RedistributeSpec;
        if (innerInput instanceof BroadcastSpec) {
            return "DS_BCAST_INNER";
        }
        if (outerMoves || innerMoves) {
            return outerMoves && innerMoves ? "DS_DIST_BOTH" : outerMoves ? "DS_DIST_OUTER" : "DS_DIST_INNER";
        }
        return readsWholeTable(inner) ? "DS_DIST_ALL_NONE" : "DS_DIST_NONE";
    }

    /** The step under the projections that cast mismatched join keys to a common type. */
    private static PlanSpec belowProjects(PlanSpec plan) {
        return plan instanceof ProjectSpec project ? belowProjects(project.input()) : plan;
    }

    private static boolean readsWholeTable(PlanSpec plan) {
        if (plan instanceof ScanSpec scan) {
            return scan.wholeTable();
        }
        return PlanInputs.of(plan).stream().anyMatch(PlanPrinter::readsWholeTable);
    }

    private static String joinName(String kind) {
        return switch (kind) {
            case "INNER" -> "Join";
            case "SEMI" -> "Semi Join";
            case "ANTI" -> "Anti Join";
            default -> kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT) + " Join";
        };
    }
}
