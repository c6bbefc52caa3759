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
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimated rows, row width and cost of each step of a plan, from the table row counts of one catalog
 * version and the declared column widths: what EXPLAIN prints and what the planner weighs when it chooses
 * how to move a join's rows. The figures are our own model, not Redshift's: a row costs
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
    /** Rows a filter keeps, without column statistics (ANALYZE will refine it): one in four. */
    private static final double FILTER_SELECTIVITY = 0.25;
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
                double rows = scan.filter() == null ? tableRows : tableRows * FILTER_SELECTIVITY;
                yield new Estimate(0, tableRows * CPU_PER_ROW, rows, width);
            }
            case ValuesSpec values -> new Estimate(0, values.rows().size() * CPU_PER_ROW, values.rows().size(), width);
            case FilterSpec filter -> streaming(of(filter.input()), of(filter.input()).rows() * FILTER_SELECTIVITY, width);
            case ProjectSpec project -> streaming(of(project.input()), of(project.input()).rows(), width);
            case WindowSpec window -> blocking(of(window.input()), of(window.input()).rows(), width);
            case AggregateSpec aggregate -> {
                Estimate input = of(aggregate.input());
                double rows = aggregate.groupKeys().isEmpty() ? 1
                        : aggregate.mode() == AggregateMode.FINAL ? input.rows()
                        : Math.max(1, Math.min(input.rows(), Math.ceil(input.rows() * GROUPS_PER_ROW)));
                yield blocking(input, rows, width);
            }
            case HashJoinSpec join -> {
                Estimate outer = of(join.left());
                Estimate inner = of(join.right());
                double startup = inner.totalCost() + inner.rows() * CPU_PER_ROW;
                double rows = joinedRows(join.kind(), outer.rows(), inner.rows());
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
            };
        }
        return width;
    }
}
