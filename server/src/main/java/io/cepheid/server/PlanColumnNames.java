package io.cepheid.server;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowCall;
import io.cepheid.executor.fragment.WindowFunction;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.storage.catalog.CatalogSnapshot;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names output column {@code i} of any step of a plan for EXPLAIN, by tracing it down to where it is made:
 * a table column's name, {@code sum(l_qty)} for an aggregate, the expression's text for a computed column.
 * A computed column of the query's result takes the result's name instead ({@code revenue}), as Redshift's
 * sort keys read. {@code $i} only when no name can be found (a table gone from the snapshot).
 */
final class PlanColumnNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final CatalogSnapshot catalog;
    private final List<String> resultNames;
    /** The root and the steps below it that pass its columns on unchanged: their columns are the result's. */
    private final Set<PlanSpec> resultSteps = Collections.newSetFromMap(new IdentityHashMap<>());

    /** {@code resultNames}: the query's output column names, or an empty list when unknown. */
    PlanColumnNames(PlanSpec root, CatalogSnapshot catalog, List<String> resultNames) {
        this.catalog = catalog;
        this.resultNames = root.outputTypes().size() == resultNames.size() ? resultNames : List.of();
        for (PlanSpec step = root; step != null; step = passThroughInput(step)) {
            resultSteps.add(step);
        }
    }

    /** The name of output column {@code column} of {@code plan}. */
    String name(PlanSpec plan, int column) {
        return switch (plan) {
            case ScanSpec scan -> {
                int tableColumn = scan.columns().get(column);
                yield tableColumn == ScanSpec.ROW_ID ? "ctid" : catalog.table(scan.schema(), scan.table())
                        .filter(table -> tableColumn < table.definition().columns().size())
                        .map(table -> table.definition().columns().get(tableColumn).name())
                        .orElse("$" + column);
            }
            case ValuesSpec values -> "column" + (column + 1);
            case FilterSpec filter -> name(filter.input(), column);
            case SortSpec sort -> name(sort.input(), column);
            case LimitSpec limit -> name(limit.input(), column);
            case GatherSpec gather -> name(gather.input(), column);
            case MergeSpec merge -> name(merge.input(), column);
            case RedistributeSpec redistribute -> name(redistribute.input(), column);
            case BroadcastSpec broadcast -> name(broadcast.input(), column);
            case UnionAllSpec union -> name(union.inputs().getFirst(), column);
            case ProjectSpec project -> {
                ExprSpec expression = project.expressions().get(column);
                if (expression instanceof ExprSpec.InputRef ref) {
                    yield name(project.input(), ref.index());
                }
                if (resultSteps.contains(project) && !resultNames.isEmpty() && isRealName(resultNames.get(column))) {
                    yield resultNames.get(column);
                }
                yield ExpressionText.of(expression, input -> name(project.input(), input));
            }
            case AggregateSpec aggregate -> aggregateColumn(aggregate, column);
            case HashJoinSpec join -> joined(join.left(), join.right(), column);
            case NestedLoopJoinSpec join -> joined(join.left(), join.right(), column);
            case WindowSpec window -> {
                int inputWidth = window.input().outputTypes().size();
                yield column < inputWidth ? name(window.input(), column)
                        : windowCall(window.calls().get(column - inputWidth), window.input());
            }
        };
    }

    /** A column name as an identifier, or the text it stands for; for prefixing with {@code "outer".}. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    private String joined(PlanSpec left, PlanSpec right, int column) {
        int leftWidth = left.outputTypes().size();
        return column < leftWidth ? name(left, column) : name(right, column - leftWidth);
    }

    private String aggregateColumn(AggregateSpec aggregate, int column) {
        int keys = aggregate.groupKeys().size();
        if (column < keys) {
            return name(aggregate.input(), aggregate.groupKeys().get(column));
        }
        // Partial output has one or more state columns per call; find the call the column belongs to.
        int offset = column - keys;
        int call = 0;
        if (aggregate.mode() == AggregateMode.PARTIAL) {
            while (offset >= AggregateSpec.stateTypes(aggregate.aggregates().get(call)).size()) {
                offset -= AggregateSpec.stateTypes(aggregate.aggregates().get(call)).size();
                call++;
            }
        } else {
            call = offset;
        }
        if (aggregate.mode() == AggregateMode.FINAL) {
            // The calls' arguments index the partial step's input: name the partial's state column instead.
            int state = keys;
            for (int i = 0; i < call; i++) {
                state += AggregateSpec.stateTypes(aggregate.aggregates().get(i)).size();
            }
            return name(aggregate.input(), state);
        }
        return aggregateCall(aggregate.aggregates().get(call), aggregate.input());
    }

    private String aggregateCall(AggregateCall call, PlanSpec input) {
        return switch (call.function()) {
            case COUNT_STAR -> "count(*)";
            case APPROX_COUNT_DISTINCT -> "approximate count(distinct " + name(input, call.argument()) + ")";
            default -> call.function().name().toLowerCase(Locale.ROOT) + "(" + (call.distinct() ? "distinct " : "")
                    + name(input, call.argument()) + ")";
        };
    }

    private String windowCall(WindowCall call, PlanSpec input) {
        StringBuilder text = new StringBuilder(call.function() == WindowFunction.COUNT_STAR
                ? "count(*" : call.function().name().toLowerCase(Locale.ROOT) + "(");
        for (int i = 0; i < call.arguments().size(); i++) {
            text.append(i > 0 ? ", " : "").append(name(input, call.arguments().get(i)));
        }
        return text.append(")").toString();
    }

    private static boolean isRealName(String name) {
        return name != null && !name.startsWith("EXPR$") && !name.equals("?column?");
    }

    /** The input of a step whose output columns are its input's, in order; null for any other step. */
    private static PlanSpec passThroughInput(PlanSpec plan) {
        return switch (plan) {
            case FilterSpec filter -> filter.input();
            case SortSpec sort -> sort.input();
            case LimitSpec limit -> limit.input();
            case GatherSpec gather -> gather.input();
            case MergeSpec merge -> merge.input();
            case RedistributeSpec redistribute -> redistribute.input();
            case BroadcastSpec broadcast -> broadcast.input();
            default -> null;
        };
    }
}
