package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
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
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowCall;
import io.cepheid.executor.fragment.WindowFrame;
import io.cepheid.executor.fragment.WindowFunction;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.planner.catalog.CepheidTable;
import io.cepheid.planner.catalog.SystemTable;
import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns an optimized logical plan into executor plan specs. Slice-local pipelines (scan, filter, project,
 * and joins with the exchanges that bring their rows together) run once per slice under a {@link GatherSpec};
 * aggregations above them split into a PARTIAL step per slice and a FINAL step on the leader; everything else
 * runs on the leader over the gathered rows.
 */
public final class RelToPlan {
    private final CatalogSnapshot catalog;
    private final RexToExpr rex;
    private final PlanEstimates estimates;

    public RelToPlan(CatalogSnapshot catalog, RexBuilder rexBuilder, List<Object> parameters) {
        this.catalog = catalog;
        this.rex = new RexToExpr(rexBuilder, parameters);
        this.estimates = new PlanEstimates(catalog);
    }

    /**
     * A converted subtree: its spec, whether it still runs per slice (not yet gathered), and for per-slice
     * subtrees how their rows are spread over slices.
     */
    private record Converted(PlanSpec spec, boolean perSlice, Distribution distribution) {
        Converted(PlanSpec spec, boolean perSlice) {
            this(spec, perSlice, Distribution.EVEN);
        }

        PlanSpec gathered() {
            return perSlice ? new GatherSpec(spec) : spec;
        }
    }

    public PlanSpec convert(RelNode root) {
        return visit(root).gathered();
    }

    private Converted visit(RelNode node) {
        return switch (node) {
            case TableScan scan -> scanPipeline(null, null, scan);
            case Project project when project.getInput() instanceof TableScan scan -> scanPipeline(project, null, scan);
            case Project project when project.getInput() instanceof Filter filter
                    && filter.getInput() instanceof TableScan scan -> scanPipeline(project, filter, scan);
            case Filter filter when filter.getInput() instanceof TableScan scan -> scanPipeline(null, filter, scan);
            case Project project -> project(project);
            case Filter filter -> filter(filter);
            case Aggregate aggregate -> aggregate(aggregate);
            case Join join -> join(join);
            case Sort sort -> sort(sort);
            case Values values -> new Converted(values(values), false);
            case Union union -> union(union);
            case Window window -> window(window);
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "query shape not supported yet: " + node.getRelTypeName());
        };
    }

    // ---- scans -------------------------------------------------------------------------------------

    /**
     * Scan with the columns the project and filter above it use, the filter pushed into it (for zone-map
     * pruning), then the project. Pure column-reference projects disappear into the scan's column list.
     */
    private Converted scanPipeline(Project project, Filter filter, TableScan scan) {
        SystemTable system = scan.getTable().unwrap(SystemTable.class);
        if (system != null) {
            return systemScan(project, filter, system);
        }
        CepheidTable table = scan.getTable().unwrap(CepheidTable.class);
        if (table == null) {
            throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "unknown table " + scan.getTable().getQualifiedName());
        }
        TableDefinition definition = table.definition();
        int fieldCount = scan.getRowType().getFieldCount(); // the table's columns, plus a DML target's row id
        TreeSet<Integer> used = new TreeSet<>();
        if (project == null) {
            for (int i = 0; i < fieldCount; i++) {
                used.add(i);
            }
        } else {
            used.addAll(inputRefs(project.getProjects()));
        }
        if (filter != null) {
            used.addAll(inputRefs(List.of(simplified(filter))));
        }
        int rowIdField = definition.columns().size();
        List<Integer> columns = used.stream().map(c -> c == rowIdField ? ScanSpec.ROW_ID : c).toList();
        int[] position = new int[fieldCount];
        int next = 0;
        for (int field : used) {
            position[field] = next++;
        }
        List<SqlType> types = columns.stream()
                .map(c -> c == ScanSpec.ROW_ID ? SqlType.BIGINT : definition.columns().get(c).type()).toList();
        ExprSpec pushed = filter == null ? null : rex.convert(remap(simplified(filter), position));
        PlanSpec spec = new ScanSpec(definition.schema(), definition.name(), columns, types, pushed);
        Distribution distribution = Distribution.of(table.snapshot(), columns);
        if (project != null) {
            List<ExprSpec> expressions = new ArrayList<>();
            boolean identity = project.getProjects().size() == columns.size();
            for (int i = 0; i < project.getProjects().size(); i++) {
                RexNode remapped = remap(project.getProjects().get(i), position);
                identity &= remapped instanceof RexInputRef ref && ref.getIndex() == i;
                expressions.add(rex.convert(remapped));
            }
            if (!identity) {
                spec = new ProjectSpec(spec, expressions);
                distribution = distribution.through(expressions);
            }
        }
        return new Converted(spec, true, distribution);
    }

    private Converted systemScan(Project project, Filter filter, SystemTable system) {
        List<SqlType> types = system.columns().stream().map(SystemTable.Column::type).toList();
        PlanSpec spec = new ValuesSpec(types, system.rows(catalog));
        if (filter != null) {
            spec = new FilterSpec(spec, rex.convert(simplified(filter)));
        }
        if (project != null) {
            spec = new ProjectSpec(spec, project.getProjects().stream().map(rex::convert).toList());
        }
        return new Converted(spec, false);
    }

    private static RexNode remap(RexNode node, int[] position) {
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(position[ref.getIndex()], ref.getType());
            }
        });
    }

    // ---- row-at-a-time operators -------------------------------------------------------------------

    private Converted project(Project project) {
        Converted input = visit(project.getInput());
        List<ExprSpec> expressions = project.getProjects().stream().map(rex::convert).toList();
        return new Converted(new ProjectSpec(input.spec(), expressions), input.perSlice(),
                input.distribution().through(expressions));
    }

    private Converted filter(Filter filter) {
        Converted input = visit(filter.getInput());
        return new Converted(new FilterSpec(input.spec(), rex.convert(simplified(filter))), input.perSlice(),
                input.distribution());
    }

    /**
     * The condition with comparisons against a NULL literal folded to NULL (and what that decides), as
     * PostgreSQL folds strict operators before running anything: {@code x BETWEEN NULL AND NULL} never
     * evaluates {@code x}, which may overflow. Constants are not reduced: that would run generated code.
     */
    private static RexNode simplified(Filter filter) {
        RexSimplify simplify = new RexSimplify(filter.getCluster().getRexBuilder(), RelOptPredicateList.EMPTY,
                (rexBuilder, constants, reduced) -> reduced.addAll(constants));
        return simplify.simplifyUnknownAsFalse(filter.getCondition());
    }

    // ---- aggregation -------------------------------------------------------------------------------

    /**
     * GROUP BY, and GROUPING SETS / ROLLUP / CUBE as the union of one plain aggregation per grouping set,
     * each with the keys outside its set as NULL and GROUPING()/GROUPING_ID() as constants. Every
     * per-set aggregation keeps the PARTIAL-per-slice / FINAL-on-the-leader split.
     */
    private Converted aggregate(Aggregate aggregate) {
        Converted input = filteredAggregateArguments(aggregate, visit(aggregate.getInput()));
        List<org.apache.calcite.rel.core.AggregateCall> aggregateCalls = withoutFilters(aggregate);
        List<Integer> allKeys = aggregate.getGroupSet().asList();
        if (aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
            return new Converted(groupingSet(aggregate, aggregateCalls, input, aggregate.getGroupSet()), false);
        }
        List<SqlType> keyTypes = new ArrayList<>();
        for (int i = 0; i < allKeys.size(); i++) {
            keyTypes.add(TypeMapping.toSqlType(aggregate.getRowType().getFieldList().get(i).getType()));
        }
        List<PlanSpec> sets = new ArrayList<>();
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
            PlanSpec perSet = groupingSet(aggregate, aggregateCalls, input, set);
            List<SqlType> types = perSet.outputTypes();
            List<ExprSpec> expressions = new ArrayList<>();
            List<Integer> setKeys = set.asList();
            for (int k = 0; k < allKeys.size(); k++) {
                int position = setKeys.indexOf(allKeys.get(k));
                expressions.add(position < 0 ? new ExprSpec.Literal(null, keyTypes.get(k))
                        : RexToExpr.coerce(new ExprSpec.InputRef(position, types.get(position)), keyTypes.get(k)));
            }
            for (int c = setKeys.size(); c < types.size(); c++) {
                expressions.add(new ExprSpec.InputRef(c, types.get(c)));
            }
            sets.add(new ProjectSpec(perSet, expressions));
        }
        return new Converted(sets.size() == 1 ? sets.getFirst() : new UnionAllSpec(sets), false);
    }

    /**
     * The aggregate's calls with each FILTER replaced by the column {@link #filteredAggregateArguments} appended
     * for it: the first argument where the filter holds, else NULL (COUNT(*) counts a constant 1 there).
     */
    private static List<org.apache.calcite.rel.core.AggregateCall> withoutFilters(Aggregate aggregate) {
        int next = aggregate.getInput().getRowType().getFieldCount();
        List<org.apache.calcite.rel.core.AggregateCall> calls = new ArrayList<>();
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            if (call.filterArg < 0) {
                calls.add(call);
                continue;
            }
            List<Integer> arguments = new ArrayList<>(call.getArgList());
            if (arguments.isEmpty()) {
                arguments.add(next++);
            } else {
                arguments.set(0, next++);
            }
            calls.add(call.copy(arguments, -1, call.collation));
        }
        return calls;
    }

    /** One plain aggregation of {@code calls} grouped by {@code set}: the set's keys, then one column per call. */
    private PlanSpec groupingSet(Aggregate aggregate, List<org.apache.calcite.rel.core.AggregateCall> aggregateCalls,
                                 Converted input, ImmutableBitSet set) {
        List<Integer> keys = set.asList();
        List<AggregateCall> calls = new ArrayList<>();
        // Per output aggregate: what the executor computes, or a constant the planner supplies itself.
        List<AggregateOutput> outputs = new ArrayList<>();
        boolean anyDistinct = false;
        boolean gathers = false;
        for (org.apache.calcite.rel.core.AggregateCall call : aggregateCalls) {
            SqlKind kind = call.getAggregation().getKind();
            if (kind == SqlKind.LITERAL_AGG) {
                // The decorrelator's marker column: the same constant for every group.
                outputs.add(new AggregateOutput(-1, false, rex.convert(call.rexList.getFirst())));
                continue;
            }
            if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID) {
                outputs.add(new AggregateOutput(-1, false, groupingValue(call, set)));
                continue;
            }
            AggregateCall converted = aggregateCall(aggregate, call, keys, outputs, calls.size());
            if (converted != null) {
                if (converted.distinct() && converted.function() != AggregateFunction.LISTAGG) {
                    // Calcite's rewrite of DISTINCT aggregates into joins skips grouping sets.
                    throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "DISTINCT aggregates with GROUPING SETS, ROLLUP or CUBE are not supported yet");
                }
                anyDistinct |= converted.distinct();
                gathers |= converted.function().gathersValues();
                calls.add(converted);
            }
        }
        PlanSpec result;
        if (input.perSlice() && !anyDistinct && !gathers) {
            AggregateSpec partial = new AggregateSpec(input.spec(), keys, calls, AggregateMode.PARTIAL);
            List<Integer> finalKeys = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                finalKeys.add(i);
            }
            result = new AggregateSpec(new GatherSpec(partial), finalKeys, calls, AggregateMode.FINAL);
        } else {
            // DISTINCT left for the executor (LISTAGG) and functions that gather values need all rows in one place.
            result = new AggregateSpec(input.gathered(), keys, calls, AggregateMode.SINGLE);
        }
        boolean reshape = outputs.stream().anyMatch(o -> o.constant() != null || o.zeroWhenEmpty());
        return reshape ? reshapeAggregateOutput(result, keys.size(), outputs) : result;
    }

    /**
     * The executor call for one Calcite aggregate call, recording its output in {@code outputs}; null when
     * the output is a group key instead (ANY_VALUE of a key).
     */
    private AggregateCall aggregateCall(Aggregate aggregate, org.apache.calcite.rel.core.AggregateCall call,
                                        List<Integer> keys, List<AggregateOutput> outputs, int index) {
        SqlKind kind = call.getAggregation().getKind();
        String name = call.getAggregation().getName();
        SqlType resultType = TypeMapping.toSqlType(call.getType());
        List<Integer> arguments = call.getArgList();
        if (kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC) {
            List<SortKey> order = sortKeys(call.collation.getFieldCollations());
            if (order.size() != 1 || arguments.size() != 1) {
                throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " needs WITHIN GROUP (ORDER BY one expression)");
            }
            double fraction = constantArgument(aggregate, arguments.getFirst(), name).getValueAs(Double.class);
            if (fraction < 0 || fraction > 1) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, name + "'s percentile must be between 0 and 1");
            }
            AggregateFunction function = kind == SqlKind.PERCENTILE_CONT ? AggregateFunction.PERCENTILE_CONT : AggregateFunction.PERCENTILE_DISC;
            outputs.add(new AggregateOutput(index, false, null));
            return new AggregateCall(function, order.getFirst().column(), false, resultType, fraction, "", order);
        }
        if (name.equals("MEDIAN")) {
            outputs.add(new AggregateOutput(index, false, null));
            int argument = arguments.getFirst();
            return new AggregateCall(AggregateFunction.PERCENTILE_CONT, argument, false, resultType, 0.5, "",
                    List.of(new SortKey(argument, false, false)));
        }
        if (kind == SqlKind.LISTAGG) {
            List<SortKey> order = sortKeys(call.collation.getFieldCollations());
            if (order.size() > 1) {
                throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "LISTAGG ... WITHIN GROUP (ORDER BY) over several keys is not supported yet");
            }
            int argument = arguments.getFirst();
            if (call.isDistinct() && !order.isEmpty() && order.getFirst().column() != argument) {
                throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "LISTAGG(DISTINCT x) can only be ordered by x");
            }
            String delimiter = arguments.size() > 1 ? constantArgument(aggregate, arguments.get(1), name).getValueAs(String.class) : "";
            outputs.add(new AggregateOutput(index, false, null));
            return new AggregateCall(AggregateFunction.LISTAGG, argument, call.isDistinct(), resultType, 0, delimiter, order);
        }
        if (arguments.size() > 1) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "aggregate " + name + " over several arguments is not supported yet");
        }
        int argument = arguments.isEmpty() ? -1 : arguments.getFirst();
        if (kind == SqlKind.ANY_VALUE && keys.contains(argument)) {
            // The validator writes "SELECT i % 2 ... GROUP BY i % 2" as ANY_VALUE of the group key: the key itself.
            outputs.add(new AggregateOutput(-1, false, new ExprSpec.InputRef(keys.indexOf(argument), resultType)));
            return null;
        }
        boolean distinct = call.isDistinct();
        AggregateFunction function = switch (kind) {
            case COUNT -> {
                if (call.isApproximate() && distinct && argument >= 0) {
                    distinct = false;
                    yield AggregateFunction.APPROX_COUNT_DISTINCT;
                }
                yield argument < 0 ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            }
            case SUM, SUM0 -> AggregateFunction.SUM;
            case AVG -> AggregateFunction.AVG;
            // Any value of the group will do; the minimum is one. Calcite asks for ANY_VALUE when it pulls a
            // constant select item (SELECT 1, avg(x) FROM t) into the aggregate. BOOL_AND is MIN of booleans,
            // BOOL_OR their MAX (Calcite gives them those kinds).
            case MIN, ANY_VALUE -> AggregateFunction.MIN;
            case MAX -> AggregateFunction.MAX;
            case SINGLE_VALUE -> AggregateFunction.SINGLE_VALUE;
            case STDDEV_SAMP -> AggregateFunction.STDDEV_SAMP;
            case STDDEV_POP -> AggregateFunction.STDDEV_POP;
            case VAR_SAMP -> AggregateFunction.VAR_SAMP;
            case VAR_POP -> AggregateFunction.VAR_POP;
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "aggregate function " + name + " is not supported yet");
        };
        outputs.add(new AggregateOutput(index, kind == SqlKind.SUM0, null));
        return new AggregateCall(function, argument, distinct, resultType);
    }

    /** GROUPING(a, b, ...) / GROUPING_ID: one bit per argument, the first the highest, set when it is not grouped in {@code set}. */
    private static ExprSpec groupingValue(org.apache.calcite.rel.core.AggregateCall call, ImmutableBitSet set) {
        long value = 0;
        if (call.getAggregation().getKind() != SqlKind.GROUP_ID) {
            for (int argument : call.getArgList()) {
                value = (value << 1) | (set.get(argument) ? 0 : 1);
            }
        }
        return RexToExpr.coerce(new ExprSpec.Literal(value, SqlType.BIGINT), TypeMapping.toSqlType(call.getType()));
    }

    /** The constant an aggregate argument column carries (a percentile, a LISTAGG delimiter): a literal of the input project. */
    private static RexLiteral constantArgument(Aggregate aggregate, int column, String function) {
        if (aggregate.getInput() instanceof Project project && project.getProjects().get(column) instanceof RexLiteral literal
                && !literal.isNull()) {
            return literal;
        }
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, function + "'s extra argument must be a constant");
    }

    /**
     * {@code agg(x) FILTER (WHERE f)} (Calcite writes INTERSECT and EXCEPT this way) becomes
     * {@code agg(CASE WHEN f THEN x END)}: aggregates skip NULLs, and {@code COUNT(*)} counts a constant 1
     * instead. The input gains one such column per filtered call, after its own columns, in call order.
     */
    private Converted filteredAggregateArguments(Aggregate aggregate, Converted input) {
        if (aggregate.getAggCallList().stream().noneMatch(call -> call.filterArg >= 0)) {
            return input;
        }
        List<SqlType> types = input.spec().outputTypes();
        List<ExprSpec> expressions = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            expressions.add(new ExprSpec.InputRef(i, types.get(i)));
        }
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            if (call.filterArg < 0) {
                continue;
            }
            ExprSpec value = call.getArgList().isEmpty()
                    ? new ExprSpec.Literal(1L, SqlType.INTEGER)
                    : new ExprSpec.InputRef(call.getArgList().getFirst(), types.get(call.getArgList().getFirst()));
            ExprSpec condition = new ExprSpec.InputRef(call.filterArg, types.get(call.filterArg));
            expressions.add(new ExprSpec.Call(io.cepheid.executor.expression.Function.CASE,
                    List.of(condition, value, new ExprSpec.Literal(null, value.type())), value.type()));
        }
        return new Converted(new ProjectSpec(input.spec(), expressions), input.perSlice(),
                input.distribution().through(expressions));
    }

    /** One aggregate output column: executor call {@code call}, or a {@code constant}; SUM0 turns NULL into 0. */
    private record AggregateOutput(int call, boolean zeroWhenEmpty, ExprSpec constant) {
    }

    /** Puts constants (LITERAL_AGG) and group keys (ANY_VALUE of a key) in place and applies $SUM0's COALESCE(SUM(x), 0). */
    private static PlanSpec reshapeAggregateOutput(PlanSpec aggregate, int keyCount, List<AggregateOutput> outputs) {
        List<SqlType> types = aggregate.outputTypes();
        List<ExprSpec> expressions = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            expressions.add(new ExprSpec.InputRef(i, types.get(i)));
        }
        for (AggregateOutput output : outputs) {
            if (output.constant() != null) {
                expressions.add(output.constant());
                continue;
            }
            int index = keyCount + output.call();
            SqlType type = types.get(index);
            ExprSpec column = new ExprSpec.InputRef(index, type);
            if (output.zeroWhenEmpty()) {
                ExprSpec zero = new ExprSpec.Literal(type instanceof SqlType.DoubleType ? (Object) 0.0 : (Object) 0L, type);
                column = new ExprSpec.Call(io.cepheid.executor.expression.Function.COALESCE, List.of(column, zero), type);
            }
            expressions.add(column);
        }
        return new ProjectSpec(aggregate, expressions);
    }

    // ---- joins -------------------------------------------------------------------------------------

    /**
     * Joins run inside the slices, with rows moved between slices where the sides are not already placed on
     * the join key (see {@link JoinPlacement}): co-located (DS_DIST_NONE), an inner DISTSTYLE ALL table read
     * whole (DS_DIST_ALL_NONE), an inner broadcast (DS_BCAST_INNER) or one or both sides redistributed on a
     * join key (DS_DIST_INNER / OUTER / BOTH). Only inputs that already run on the leader, and joins without
     * an equi-join key, are joined on the leader after both sides are gathered.
     */
    private Converted join(Join join) {
        Converted leftInput = visit(join.getLeft());
        Converted rightInput = visit(join.getRight());
        JoinKind kind = joinKind(join);
        JoinInfo info = join.analyzeCondition();
        JoinPlacement placement = JoinPlacement.choose(side(leftInput), side(rightInput), kind, info);
        int pair = placement.keyPair();
        PlanSpec left = switch (placement.strategy()) {
            case REDISTRIBUTE_OUTER, REDISTRIBUTE_BOTH -> new RedistributeSpec(leftInput.spec(), info.leftKeys.get(pair));
            case ON_LEADER -> leftInput.gathered();
            case COLOCATED, INNER_REPLICATED, REDISTRIBUTE_INNER, BROADCAST_INNER -> leftInput.spec();
        };
        PlanSpec right = switch (placement.strategy()) {
            case COLOCATED, REDISTRIBUTE_OUTER -> rightInput.spec();
            case INNER_REPLICATED -> WholeTableReads.rewrite(rightInput.spec());
            case BROADCAST_INNER -> new BroadcastSpec(rightInput.spec());
            case REDISTRIBUTE_INNER, REDISTRIBUTE_BOTH -> new RedistributeSpec(rightInput.spec(), info.rightKeys.get(pair));
            case ON_LEADER -> rightInput.gathered();
        };
        PlanSpec joined = joinSpec(join, kind, info, left, right);
        if (!placement.inSlices()) {
            return new Converted(joined, false);
        }
        // Left columns come first in the output, so the outer's placement carries over.
        Distribution distribution = placement.movesOuter() ? Distribution.key(info.leftKeys.get(pair)) : leftInput.distribution();
        return new Converted(joined, true, distribution);
    }

    private JoinPlacement.Side side(Converted input) {
        return new JoinPlacement.Side(input.perSlice(), input.distribution(), input.spec().outputTypes(),
                estimates.of(input.spec()).bytes());
    }

    private static JoinKind joinKind(Join join) {
        return switch (join.getJoinType()) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case SEMI -> JoinKind.SEMI;
            case ANTI -> JoinKind.ANTI;
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "join type " + join.getJoinType() + " is not supported yet");
        };
    }

    private PlanSpec joinSpec(Join join, JoinKind kind, JoinInfo info, PlanSpec left, PlanSpec right) {
        boolean nullSafeKeys = info.nullExclusionFlags.stream().anyMatch(excluded -> !excluded);
        if (info.leftKeys.isEmpty() || nullSafeKeys) {
            ExprSpec condition = join.getCondition().isAlwaysTrue() ? null : rex.convert(join.getCondition());
            return new NestedLoopJoinSpec(left, right, kind, condition);
        }
        int leftWidth = left.outputTypes().size();
        int rightWidth = right.outputTypes().size();
        List<Integer> leftKeys = new ArrayList<>(info.leftKeys);
        List<Integer> rightKeys = new ArrayList<>(info.rightKeys);
        // Keys of different types (INTEGER = BIGINT) are cast to a common type in extra columns on each side.
        List<ExprSpec> leftExtra = new ArrayList<>();
        List<ExprSpec> rightExtra = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            SqlType leftType = left.outputTypes().get(leftKeys.get(i));
            SqlType rightType = right.outputTypes().get(rightKeys.get(i));
            if (leftType.physicalType() != rightType.physicalType() || !sameScale(leftType, rightType)) {
                SqlType common = TypeMapping.toSqlType(join.getCluster().getTypeFactory().leastRestrictive(List.of(
                        join.getLeft().getRowType().getFieldList().get(leftKeys.get(i)).getType(),
                        join.getRight().getRowType().getFieldList().get(rightKeys.get(i)).getType())));
                leftExtra.add(RexToExpr.coerce(new ExprSpec.InputRef(leftKeys.get(i), leftType), common));
                rightExtra.add(RexToExpr.coerce(new ExprSpec.InputRef(rightKeys.get(i), rightType), common));
                leftKeys.set(i, leftWidth + leftExtra.size() - 1);
                rightKeys.set(i, rightWidth + rightExtra.size() - 1);
            }
        }
        ExprSpec residual = null;
        if (!info.nonEquiConditions.isEmpty()) {
            RexNode nonEqui = org.apache.calcite.rex.RexUtil.composeConjunction(
                    join.getCluster().getRexBuilder(), info.nonEquiConditions);
            residual = rex.convert(shiftRight(nonEqui, leftWidth, leftExtra.size()));
        }
        if (leftExtra.isEmpty() && rightExtra.isEmpty()) {
            return new HashJoinSpec(left, right, kind, leftKeys, rightKeys, residual);
        }
        PlanSpec widenedLeft = withExtraColumns(left, leftExtra);
        PlanSpec widenedRight = withExtraColumns(right, rightExtra);
        if (residual != null && !leftExtra.isEmpty()) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "join with mixed-type keys and extra conditions is not supported yet");
        }
        PlanSpec joined = new HashJoinSpec(widenedLeft, widenedRight, kind, leftKeys, rightKeys, residual);
        List<ExprSpec> keep = new ArrayList<>();
        List<SqlType> joinedTypes = joined.outputTypes();
        for (int i = 0; i < leftWidth; i++) {
            keep.add(new ExprSpec.InputRef(i, joinedTypes.get(i)));
        }
        if (kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            int rightStart = leftWidth + leftExtra.size();
            for (int i = 0; i < rightWidth; i++) {
                keep.add(new ExprSpec.InputRef(rightStart + i, joinedTypes.get(rightStart + i)));
            }
        }
        return new ProjectSpec(joined, keep);
    }

    private static boolean sameScale(SqlType a, SqlType b) {
        if (a instanceof SqlType.DecimalType da && b instanceof SqlType.DecimalType db) {
            return da.scale() == db.scale();
        }
        return a instanceof SqlType.DecimalType == b instanceof SqlType.DecimalType;
    }

    private static PlanSpec withExtraColumns(PlanSpec input, List<ExprSpec> extra) {
        if (extra.isEmpty()) {
            return input;
        }
        List<ExprSpec> expressions = new ArrayList<>();
        List<SqlType> types = input.outputTypes();
        for (int i = 0; i < types.size(); i++) {
            expressions.add(new ExprSpec.InputRef(i, types.get(i)));
        }
        expressions.addAll(extra);
        return new ProjectSpec(input, expressions);
    }

    /** Moves right-side references past the extra key columns added to the left input. */
    private static RexNode shiftRight(RexNode node, int leftWidth, int leftExtra) {
        if (leftExtra == 0) {
            return node;
        }
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() < leftWidth ? ref : new RexInputRef(ref.getIndex() + leftExtra, ref.getType());
            }
        });
    }

    // ---- window functions --------------------------------------------------------------------------

    /**
     * One {@link WindowSpec} per window group, chained. Constants and arguments that need a cast become extra
     * columns appended to the input (Calcite refers to constants past the input's fields); a final project
     * drops them again and applies $SUM0's COALESCE(SUM(x), 0).
     */
    private Converted window(Window window) {
        PlanSpec input = visit(window.getInput()).gathered();
        List<SqlType> inputTypes = input.outputTypes();
        int width = inputTypes.size();
        List<ExprSpec> extra = new ArrayList<>();
        List<List<WindowCall>> groupCalls = new ArrayList<>();
        List<Boolean> zeroWhenEmpty = new ArrayList<>();
        for (Window.Group group : window.groups) {
            WindowFrame frame = frame(window, group);
            List<WindowCall> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                if (call.distinct) {
                    throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "DISTINCT in window functions is not supported");
                }
                SqlType resultType = TypeMapping.toSqlType(call.getType());
                List<RexNode> operands = call.getOperands();
                SqlKind kind = call.getKind();
                WindowFunction function = switch (kind) {
                    case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
                    case RANK -> WindowFunction.RANK;
                    case DENSE_RANK -> WindowFunction.DENSE_RANK;
                    case NTILE -> WindowFunction.NTILE;
                    case LAG -> WindowFunction.LAG;
                    case LEAD -> WindowFunction.LEAD;
                    case FIRST_VALUE -> WindowFunction.FIRST_VALUE;
                    case LAST_VALUE -> WindowFunction.LAST_VALUE;
                    case COUNT -> operands.isEmpty() ? WindowFunction.COUNT_STAR : WindowFunction.COUNT;
                    case SUM, SUM0 -> WindowFunction.SUM;
                    case AVG -> WindowFunction.AVG;
                    case MIN -> WindowFunction.MIN;
                    case MAX -> WindowFunction.MAX;
                    default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "window function " + call.getOperator().getName() + " is not supported yet");
                };
                if (function == WindowFunction.COUNT && operands.size() > 1) {
                    throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "COUNT over several arguments is not supported yet");
                }
                List<Integer> arguments = new ArrayList<>();
                for (int i = 0; i < operands.size(); i++) {
                    // LAG/LEAD's offset, NTILE's bucket count and COUNT's argument keep their own type.
                    boolean ownType = function == WindowFunction.NTILE || function == WindowFunction.COUNT
                            || (function == WindowFunction.LAG || function == WindowFunction.LEAD) && i == 1;
                    arguments.add(argumentColumn(window, operands.get(i), ownType ? null : resultType, inputTypes, extra));
                }
                calls.add(new WindowCall(function, arguments, frame, resultType));
                zeroWhenEmpty.add(kind == SqlKind.SUM0);
            }
            groupCalls.add(calls);
        }
        PlanSpec result = withExtraColumns(input, extra);
        for (int g = 0; g < window.groups.size(); g++) {
            Window.Group group = window.groups.get(g);
            result = new WindowSpec(result, group.keys.asList(), sortKeys(group.orderKeys.getFieldCollations()), groupCalls.get(g));
        }
        if (extra.isEmpty() && !zeroWhenEmpty.contains(true)) {
            return new Converted(result, false);
        }
        List<SqlType> types = result.outputTypes();
        List<ExprSpec> keep = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            keep.add(new ExprSpec.InputRef(i, types.get(i)));
        }
        for (int k = 0; k < zeroWhenEmpty.size(); k++) {
            int index = width + extra.size() + k;
            SqlType type = types.get(index);
            ExprSpec column = new ExprSpec.InputRef(index, type);
            if (zeroWhenEmpty.get(k)) {
                ExprSpec zero = RexToExpr.coerce(new ExprSpec.Literal(0L, SqlType.BIGINT), type);
                column = new ExprSpec.Call(io.cepheid.executor.expression.Function.COALESCE, List.of(column, zero), type);
            }
            keep.add(column);
        }
        return new Converted(new ProjectSpec(result, keep), false);
    }

    /**
     * The input column holding a window argument: the input field itself, or an extra column for a constant
     * (Calcite numbers them after the input's fields) or for a value cast to {@code wanted}.
     */
    private int argumentColumn(Window window, RexNode operand, SqlType wanted, List<SqlType> inputTypes, List<ExprSpec> extra) {
        int width = inputTypes.size();
        ExprSpec expression;
        if (operand instanceof RexInputRef ref && ref.getIndex() < width) {
            expression = new ExprSpec.InputRef(ref.getIndex(), inputTypes.get(ref.getIndex()));
            if (wanted == null || RexToExpr.coerce(expression, wanted) == expression) {
                return ref.getIndex();
            }
        } else if (operand instanceof RexInputRef ref) {
            expression = rex.convert(window.constants.get(ref.getIndex() - width));
        } else {
            expression = rex.convert(operand);
        }
        extra.add(wanted == null ? expression : RexToExpr.coerce(expression, wanted));
        return width + extra.size() - 1;
    }

    private static WindowFrame frame(Window window, Window.Group group) {
        long start = bound(window, group.lowerBound);
        long end = bound(window, group.upperBound);
        boolean range = !group.isRows;
        boolean supported = !range || (start == WindowFrame.UNBOUNDED_PRECEDING || start == 0)
                && (end == WindowFrame.UNBOUNDED_FOLLOWING || end == 0);
        if (!supported) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "RANGE frames with offsets are not supported; use ROWS or UNBOUNDED/CURRENT ROW bounds");
        }
        return new WindowFrame(range, start, end);
    }

    /** A frame bound as a row offset: negative preceding, positive following, the extremes for UNBOUNDED. */
    private static long bound(Window window, RexWindowBound bound) {
        if (bound.isCurrentRow()) {
            return 0;
        }
        if (bound.isUnbounded()) {
            return bound.isPreceding() ? WindowFrame.UNBOUNDED_PRECEDING : WindowFrame.UNBOUNDED_FOLLOWING;
        }
        RexNode offset = bound.getOffset();
        if (offset instanceof RexInputRef ref) {
            offset = window.constants.get(ref.getIndex() - window.getInput().getRowType().getFieldCount());
        }
        if (!(offset instanceof RexLiteral literal) || !(literal.getValue() instanceof java.math.BigDecimal number)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "window frame offsets must be integer constants");
        }
        long rows = number.longValueExact();
        if (rows < 0) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "window frame offsets must not be negative");
        }
        return bound.isPreceding() ? -rows : rows;
    }

    // ---- sort, limit, values, union ----------------------------------------------------------------

    /**
     * ORDER BY over rows still spread over slices becomes Redshift's plan: each slice sorts its rows (keeping
     * only its best offset + limit with a LIMIT), the leader merges the sorted streams and applies the LIMIT
     * and OFFSET: Limit(Merge(Gather(Sort per slice))). Over rows already on the leader it is one sort.
     */
    private Converted sort(Sort sort) {
        Converted converted = visit(sort.getInput());
        long offset = sort.offset == null ? 0 : longValue(sort.offset);
        long limit = sort.fetch == null ? SortSpec.NO_LIMIT : longValue(sort.fetch);
        if (sort.getCollation().getFieldCollations().isEmpty()) {
            return new Converted(new LimitSpec(converted.gathered(), offset, limit), false);
        }
        List<SortKey> keys = sortKeys(sort.getCollation().getFieldCollations());
        if (!converted.perSlice()) {
            return new Converted(new SortSpec(converted.spec(), keys, offset, limit), false);
        }
        long perSliceLimit = limit == SortSpec.NO_LIMIT ? SortSpec.NO_LIMIT : offset + limit;
        PlanSpec merged = new MergeSpec(new GatherSpec(new SortSpec(converted.spec(), keys, 0, perSliceLimit)), keys);
        boolean trims = offset > 0 || limit != SortSpec.NO_LIMIT;
        return new Converted(trims ? new LimitSpec(merged, offset, limit) : merged, false);
    }

    private static List<SortKey> sortKeys(List<RelFieldCollation> collations) {
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation field : collations) {
            boolean descending = field.getDirection().isDescending();
            boolean nullsFirst = switch (field.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                // Redshift: NULLs sort as the largest value
                case UNSPECIFIED -> descending;
            };
            keys.add(new SortKey(field.getFieldIndex(), descending, nullsFirst));
        }
        return keys;
    }

    private long longValue(RexNode node) {
        ExprSpec value = rex.convert(node);
        if (value instanceof ExprSpec.Literal literal && literal.value() instanceof Long l) {
            if (l < 0) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "LIMIT and OFFSET must not be negative");
            }
            return l;
        }
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT and OFFSET must be constants");
    }

    private PlanSpec values(Values values) {
        List<SqlType> types = new ArrayList<>();
        for (RelDataTypeField field : values.getRowType().getFieldList()) {
            types.add(TypeMapping.toSqlType(field.getType()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                ExprSpec literal = RexToExpr.coerce(rex.convert(tuple.get(i)), types.get(i));
                if (!(literal instanceof ExprSpec.Literal constant)) {
                    throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "VALUES needs constants of the column's type");
                }
                row.add(constant.value());
            }
            rows.add(row);
        }
        return new ValuesSpec(types, rows);
    }

    private Converted union(Union union) {
        List<SqlType> types = union.getRowType().getFieldList().stream().map(f -> TypeMapping.toSqlType(f.getType())).toList();
        List<PlanSpec> inputs = new ArrayList<>();
        for (RelNode input : union.getInputs()) {
            PlanSpec spec = visit(input).gathered();
            inputs.add(castTo(spec, types));
        }
        PlanSpec all = new UnionAllSpec(inputs);
        if (union.all) {
            return new Converted(all, false);
        }
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            keys.add(i);
        }
        return new Converted(new AggregateSpec(all, keys, List.of(), AggregateMode.SINGLE), false);
    }

    private static PlanSpec castTo(PlanSpec spec, List<SqlType> types) {
        List<SqlType> actual = spec.outputTypes();
        if (actual.equals(types)) {
            return spec;
        }
        List<ExprSpec> expressions = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            expressions.add(RexToExpr.coerce(new ExprSpec.InputRef(i, actual.get(i)), types.get(i)));
        }
        return new ProjectSpec(spec, expressions);
    }

    /** Column indexes referenced by expressions. */
    private static List<Integer> inputRefs(List<RexNode> nodes) {
        return RelOptUtil.InputFinder.bits(nodes, null).asList();
    }
}
