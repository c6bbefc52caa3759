package io.cepheid.planner.physical;

import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
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
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimated rows, row width and cost of each step of a plan, from the table row counts of one catalog
 * version, the declared column widths and, for analyzed tables, ANALYZE statistics (filter selectivity via
 * {@link FilterSelectivity}, join and grouping cardinality from distinct counts, traced to the table
 * column each plan column comes from): what EXPLAIN prints and what the planner weighs when it chooses
 * how to move a join's rows. Without statistics, fixed fractions stand in. The figures are our own model, not Redshift's: a row costs
 * {@value #CPU_PER_ROW} to read or to pass through an operator, a byte sent between slices
 * {@value #NETWORK_PER_BYTE}, and a broadcast sends its rows {@value #BROADCAST_COPIES} times.
 */
public final class PlanEstimates {
    /** One step's estimate: cost before the first row, cost of all rows, rows, bytes per row. */
    public record Estimate(double startupCost, double totalCost, double rows, int width) {
        public double bytes() {
            return rows * width;
        }
    }

    static final double CPU_PER_ROW = 0.01;
    static final double NETWORK_PER_BYTE = 0.001;
    /**
     * A broadcast is costed as copies to this many slices, whatever the running slice count, so that a
     * plan (and its EXPLAIN) does not change with the size of the cluster.
     */
    static final int BROADCAST_COPIES = 4;
    /** Groups per input row of a grouped aggregation without statistics. */
    private static final double GROUPS_PER_ROW = 0.1;
    /** Rows a semi or anti join keeps of its outer side. */
    private static final double SEMI_JOIN_SELECTIVITY = 0.5;
    /** A VARCHAR counts as at most this many bytes: declared limits (65535 for MAX) are far above typical values. */
    private static final int MAX_VARCHAR_WIDTH = 256;

    private final CatalogSnapshot catalog;
    private final Map<PlanSpec, Estimate> estimates = new IdentityHashMap<>();

    public PlanEstimates(CatalogSnapshot catalog) {
        this.catalog = catalog;
    }

    public Estimate of(PlanSpec plan) {
        Estimate known = estimates.get(plan);
        if (known == null) {
            known = estimate(plan);
            estimates.put(plan, known);
        }
        return known;
    }

    private Estimate estimate(PlanSpec plan) {
        int width = width(plan.outputTypes());
        return switch (plan) {
            case ScanSpec scan -> {
                double tableRows = catalog.table(scan.schema(), scan.table()).map(TableSnapshot::rowCount).orElse(0L);
                double rows = scan.filter() == null ? tableRows
                        : filtered(tableRows, FilterSelectivity.of(scan.filter(), column -> columnStatistics(scan, column)));
                yield new Estimate(0, tableRows * CPU_PER_ROW, rows, width);
            }
            case ValuesSpec values -> new Estimate(0, values.rows().size() * CPU_PER_ROW, values.rows().size(), width);
            case FilterSpec filter -> streaming(of(filter.input()), filtered(of(filter.input()).rows(),
                    FilterSelectivity.of(filter.condition(), column -> columnStatistics(filter.input(), column))), width);
            case ProjectSpec project -> streaming(of(project.input()), of(project.input()).rows(), width);
            case WindowSpec window -> blocking(of(window.input()), of(window.input()).rows(), width);
            case AggregateSpec aggregate -> {
                Estimate input = of(aggregate.input());
                double groups = groups(aggregate, input.rows());
                double rows = aggregate.groupKeys().isEmpty() ? 1
                        : groups >= 0 ? Math.max(1, Math.min(input.rows(), groups))
                        : aggregate.mode() == AggregateMode.FINAL ? input.rows()
                        : Math.max(1, Math.min(input.rows(), Math.ceil(input.rows() * GROUPS_PER_ROW)));
                yield blocking(input, rows, width);
            }
            case HashJoinSpec join -> {
                Estimate outer = of(join.left());
                Estimate inner = of(join.right());
                double startup = inner.totalCost() + inner.rows() * CPU_PER_ROW;
                double rows = hashJoinRows(join, outer.rows(), inner.rows());
                yield new Estimate(startup, startup + outer.totalCost() + (outer.rows() + rows) * CPU_PER_ROW, rows, width);
            }
            case NestedLoopJoinSpec join -> {
                Estimate outer = of(join.left());
                Estimate inner = of(join.right());
                double rows = join.condition() == null && (join.kind() == JoinKind.INNER)
                        ? outer.rows() * inner.rows() : joinedRows(join.kind(), outer.rows(), inner.rows());
                double startup = inner.totalCost();
                yield new Estimate(startup, startup + outer.totalCost() + outer.rows() * inner.rows() * CPU_PER_ROW, rows, width);
            }
            case SortSpec sort -> {
                Estimate input = of(sort.input());
                double rows = sort.limit() == SortSpec.NO_LIMIT ? input.rows() : Math.min(input.rows(), sort.limit());
                double comparisons = input.rows() * Math.max(1, Math.log(Math.max(2, input.rows())) / Math.log(2));
                double startup = input.totalCost() + comparisons * CPU_PER_ROW;
                yield new Estimate(startup, startup + rows * CPU_PER_ROW, rows, width);
            }
            case MergeSpec merge -> streaming(of(merge.input()), of(merge.input()).rows(), width);
            case LimitSpec limit -> {
                Estimate input = of(limit.input());
                double rest = Math.max(0, input.rows() - limit.offset());
                double rows = limit.limit() == SortSpec.NO_LIMIT ? rest : Math.min(rest, limit.limit());
                yield new Estimate(input.startupCost(), input.totalCost(), rows, width);
            }
            case UnionAllSpec union -> {
                double rows = 0;
                double cost = 0;
                for (PlanSpec input : union.inputs()) {
                    rows += of(input).rows();
                    cost += of(input).totalCost();
                }
                yield new Estimate(0, cost, rows, width);
            }
            case GatherSpec gather -> moved(of(gather.input()), 1);
            case RedistributeSpec redistribute -> moved(of(redistribute.input()), 1);
            case BroadcastSpec broadcast -> moved(of(broadcast.input()), BROADCAST_COPIES);
        };
    }

    /** Rows left of {@code rows} after a filter; at least one of a non-empty input once statistics are used. */
    private static double filtered(double rows, double selectivity) {
        return selectivity == FilterSelectivity.DEFAULT || rows == 0 ? rows * selectivity : Math.max(1, rows * selectivity);
    }

    /**
     * The ANALYZE statistics of output column {@code column} of {@code plan}, traced down through steps
     * that pass it on unchanged to the table column it is read from; null when it is computed, comes from an
     * unanalyzed table, or its origin is lost on the way.
     */
    private ColumnStatistics columnStatistics(PlanSpec plan, int column) {
        return switch (plan) {
            case ScanSpec scan -> {
                int tableColumn = scan.columns().get(column);
                if (tableColumn == ScanSpec.ROW_ID) {
                    yield null;
                }
                yield catalog.table(scan.schema(), scan.table())
                        .flatMap(table -> table.statistics()
                                .flatMap(statistics -> statistics.column(table.definition().columns().get(tableColumn).name())))
                        .orElse(null);
            }
            case FilterSpec filter -> columnStatistics(filter.input(), column);
            case SortSpec sort -> columnStatistics(sort.input(), column);
            case LimitSpec limit -> columnStatistics(limit.input(), column);
            case GatherSpec gather -> columnStatistics(gather.input(), column);
            case MergeSpec merge -> columnStatistics(merge.input(), column);
            case RedistributeSpec redistribute -> columnStatistics(redistribute.input(), column);
            case BroadcastSpec broadcast -> columnStatistics(broadcast.input(), column);
            case ProjectSpec project -> project.expressions().get(column) instanceof ExprSpec.InputRef ref
                    ? columnStatistics(project.input(), ref.index()) : null;
            case AggregateSpec aggregate -> column < aggregate.groupKeys().size()
                    ? columnStatistics(aggregate.input(), aggregate.groupKeys().get(column)) : null;
            case HashJoinSpec join -> joinedColumnStatistics(join.left(), join.right(), column);
            case NestedLoopJoinSpec join -> joinedColumnStatistics(join.left(), join.right(), column);
            case ValuesSpec values -> null;
            case WindowSpec window -> column < window.input().outputTypes().size()
                    ? columnStatistics(window.input(), column) : null;
            case UnionAllSpec union -> null;
        };
    }

    private ColumnStatistics joinedColumnStatistics(PlanSpec left, PlanSpec right, int column) {
        int leftWidth = left.outputTypes().size();
        return column < leftWidth ? columnStatistics(left, column) : columnStatistics(right, column - leftWidth);
    }

    /** Distinct values of a column among {@code rows} rows: the analyzed count, at most the rows. */
    private static double distinct(ColumnStatistics column, double rows) {
        return Math.max(1, Math.min(column.distinctValues(), rows));
    }

    /**
     * Groups of a grouped aggregation from its keys' distinct counts (their product, a null group counted
     * for a key with nulls), or -1 when a key has no statistics.
     */
    private double groups(AggregateSpec aggregate, double inputRows) {
        if (aggregate.groupKeys().isEmpty()) {
            return -1;
        }
        double groups = 1;
        for (int key : aggregate.groupKeys()) {
            ColumnStatistics column = columnStatistics(aggregate.input(), key);
            if (column == null) {
                return -1;
            }
            groups *= distinct(column, inputRows) + (column.nullFraction() > 0 ? 1 : 0);
        }
        return groups;
    }

    /**
     * Rows of an equi-join. With statistics on a key pair, each outer row meets inner rows / the larger
     * distinct count of the two keys (the classic containment assumption: the smaller key set is inside the
     * larger); the most selective pair counts. Without, {@link #joinedRows}.
     */
    private double hashJoinRows(HashJoinSpec join, double outer, double inner) {
        if (join.kind() == JoinKind.SEMI || join.kind() == JoinKind.ANTI) {
            return joinedRows(join.kind(), outer, inner);
        }
        double matched = -1;
        for (int i = 0; i < join.leftKeys().size(); i++) {
            ColumnStatistics left = columnStatistics(join.left(), join.leftKeys().get(i));
            ColumnStatistics right = columnStatistics(join.right(), join.rightKeys().get(i));
            if (left == null || right == null) {
                continue;
            }
            double pairs = outer * (1 - left.nullFraction()) * inner * (1 - right.nullFraction())
                    / Math.max(distinct(left, outer), distinct(right, inner));
            matched = matched < 0 ? pairs : Math.min(matched, pairs);
        }
        if (matched < 0) {
            return joinedRows(join.kind(), outer, inner);
        }
        return switch (join.kind()) {
            case INNER -> matched;
            case LEFT -> Math.max(matched, outer);
            case RIGHT -> Math.max(matched, inner);
            default -> Math.max(matched, Math.max(outer, inner));
        };
    }

    /** A step that passes rows on as they come. */
    private static Estimate streaming(Estimate input, double rows, int width) {
        return new Estimate(input.startupCost(), input.totalCost() + input.rows() * CPU_PER_ROW, rows, width);
    }

    /** A step that reads all its input before returning a row. */
    private static Estimate blocking(Estimate input, double rows, int width) {
        double startup = input.totalCost() + input.rows() * CPU_PER_ROW;
        return new Estimate(startup, startup + rows * CPU_PER_ROW, rows, width);
    }

    /** Rows sent between slices: the input's rows, plus the network cost of sending them {@code copies} times. */
    private static Estimate moved(Estimate input, int copies) {
        double network = input.bytes() * copies * NETWORK_PER_BYTE;
        return new Estimate(input.startupCost(), input.totalCost() + network, input.rows(), input.width());
    }

    /** Without key statistics each row of the larger side is taken to find one partner (a foreign key join). */
    private static double joinedRows(JoinKind kind, double outer, double inner) {
        return switch (kind) {
            case INNER, LEFT, RIGHT, FULL -> Math.max(outer, inner);
            case SEMI, ANTI -> outer * SEMI_JOIN_SELECTIVITY;
        };
    }

    /** Bytes per row: fixed widths, CHAR's length, VARCHAR's limit up to {@value #MAX_VARCHAR_WIDTH}. */
    static int width(List<SqlType> types) {
        int width = 0;
        for (SqlType type : types) {
            width += switch (type) {
                case SqlType.SmallIntType t -> 2;
                case SqlType.IntegerType t -> 4;
                case SqlType.BigIntType t -> 8;
                case SqlType.DecimalType t -> t.precision() <= 18 ? 8 : 16;
                case SqlType.RealType t -> 4;
                case SqlType.DoubleType t -> 8;
                case SqlType.BooleanType t -> 1;
                case SqlType.CharType t -> t.length();
                case SqlType.VarcharType t -> Math.min(t.maxBytes(), MAX_VARCHAR_WIDTH);
                case SqlType.DateType t -> 4;
                case SqlType.TimestampType t -> 8;
                case SqlType.TimestampTzType t -> 8;
                case SqlType.TimeType t -> 8;
                case SqlType.IntervalType t -> 8;
            };
        }
        return width;
    }
}
