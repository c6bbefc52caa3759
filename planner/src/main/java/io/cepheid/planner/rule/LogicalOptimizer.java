package io.cepheid.planner.rule;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSetOpTransposeRule;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The logical rewrite passes, in order: subqueries to joins (then decorrelation), set operations to
 * aggregates, common OR factors pulled out ({@link OrFactoring}), predicate pushdown, join ordering over
 * multi-joins (greedy for wide ones, {@link GreedyJoinOrder}; exhaustive for the rest), and projection
 * merging. Each pass is a Hep program: deterministic, no cost model needed for these rewrites.
 *
 * <p>Predicate pushdown moves every deterministic filter conjunct as close to its table as it can go:
 * through projects, into inner-join inputs (and the preserved side of outer joins, which Calcite's
 * {@code FilterJoinRule} decides), below aggregates when it tests only grouping keys, and into both branches of
 * UNION ALL. A filter (or join condition) that is not deterministic stays where the query put it, since moving
 * it would change how often it is evaluated. {@link #afterTrimming} repeats the filter-through-project step
 * once column trimming has put projects between filters and scans, so the physical conversion sees
 * {@code Filter(TableScan)} and the scan prunes blocks with the filter's zone-map tests.
 */
public final class LogicalOptimizer {
    /**
     * DISTINCT aggregates into joins of plain aggregates, except LISTAGG(DISTINCT ...), which the executor
     * deduplicates itself (the rewrite would lose its delimiter and WITHIN GROUP order).
     */
    private static final RelOptRule EXPAND_DISTINCT_AGGREGATES = CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN.config
            .withOperandSupplier(b -> b.operand(LogicalAggregate.class)
                    .predicate(aggregate -> aggregate.getAggCallList().stream()
                            .noneMatch(call -> call.isDistinct() && call.getAggregation().getKind() == SqlKind.LISTAGG))
                    .anyInputs())
            .as(AggregateExpandDistinctAggregatesRule.Config.class)
            .toRule();

    private static final RelOptRule FILTER_INTO_JOIN = FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT
            .withOperandSupplier(b -> b.operand(Filter.class).predicate(LogicalOptimizer::isDeterministic)
                    .oneInput(input -> input.operand(Join.class).anyInputs()))
            .as(FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.class)
            .toRule();

    private static final RelOptRule JOIN_CONDITION_PUSH = FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT
            .withOperandSupplier(b -> b.operand(Join.class)
                    .predicate(join -> RexUtil.isDeterministic(join.getCondition())).anyInputs())
            .as(FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.class)
            .toRule();

    /** Not through a project whose expressions are not deterministic: the filter would evaluate them a second time. */
    private static final RelOptRule FILTER_PROJECT_TRANSPOSE = FilterProjectTransposeRule.Config.DEFAULT
            .withOperandFor(Filter.class, filter -> isDeterministic(filter) && !RexUtil.containsCorrelation(filter.getCondition()),
                    Project.class, project -> project.getProjects().stream().allMatch(RexUtil::isDeterministic))
            .toRule();

    private static final RelOptRule FILTER_AGGREGATE_TRANSPOSE = FilterAggregateTransposeRule.Config.DEFAULT
            .withOperandSupplier(b -> b.operand(Filter.class).predicate(LogicalOptimizer::isDeterministic)
                    .oneInput(input -> input.operand(Aggregate.class).anyInputs()))
            .as(FilterAggregateTransposeRule.Config.class)
            .toRule();

    /** Into every branch of UNION ALL (and of UNION / INTERSECT / EXCEPT before they become aggregates). */
    private static final RelOptRule FILTER_SET_OP_TRANSPOSE = FilterSetOpTransposeRule.Config.DEFAULT
            .withOperandSupplier(b -> b.operand(Filter.class).predicate(LogicalOptimizer::isDeterministic)
                    .oneInput(input -> input.operand(SetOp.class).anyInputs()))
            .as(FilterSetOpTransposeRule.Config.class)
            .toRule();

    private LogicalOptimizer() {
    }

    private static boolean isDeterministic(Filter filter) {
        return RexUtil.isDeterministic(filter.getCondition());
    }

    public static RelNode optimize(RelNode rel, RelBuilder relBuilder) {
        RelNode result = run(rel, subqueries());
        result = RelDecorrelator.decorrelateQuery(result, relBuilder);
        result = run(result, windows());
        result = run(result, setOperations());
        result = OrFactoring.apply(result);
        result = run(result, pushdown());
        result = run(result, multiJoins());
        result = GreedyJoinOrder.apply(result, relBuilder);
        result = run(result, exhaustiveJoinOrder());
        result = run(result, pushdown());
        result = run(result, cleanup());
        return result;
    }

    /**
     * After {@code trimUnusedFields}: the trimmer narrows each scan with a project of the columns used, which
     * lands between a filter and its scan ({@code Filter(Project(TableScan))}); move filters below such projects
     * again and merge the projects it stacks up.
     */
    public static RelNode afterTrimming(RelNode rel) {
        return run(rel, cleanup());
    }

    private static RelNode run(RelNode rel, HepProgram program) {
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static HepProgram subqueries() {
        return new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
                .build();
    }

    /** Window functions (RexOver in projects) into Window rels, the shape the physical conversion maps. */
    private static HepProgram windows() {
        return new HepProgramBuilder()
                .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
                .build();
    }

    private static HepProgram setOperations() {
        return new HepProgramBuilder()
                .addRuleInstance(EXPAND_DISTINCT_AGGREGATES)
                .addRuleInstance(CoreRules.INTERSECT_TO_DISTINCT)
                .addRuleInstance(CoreRules.MINUS_TO_DISTINCT)
                .build();
    }

    private static HepProgram pushdown() {
        return new HepProgramBuilder()
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleCollection(java.util.List.of(
                        FILTER_INTO_JOIN,
                        JOIN_CONDITION_PUSH,
                        FILTER_PROJECT_TRANSPOSE,
                        FILTER_AGGREGATE_TRANSPOSE,
                        FILTER_SET_OP_TRANSPOSE,
                        CoreRules.FILTER_MERGE,
                        CoreRules.PROJECT_MERGE,
                        CoreRules.PROJECT_REMOVE,
                        CoreRules.AGGREGATE_PROJECT_MERGE))
                .build();
    }

    private static HepProgram multiJoins() {
        return new HepProgramBuilder()
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
                .build();
    }

    /** Lopt's join ordering for the multi-joins {@link GreedyJoinOrder} left: it is exhaustive, so only narrow ones. */
    private static HepProgram exhaustiveJoinOrder() {
        return new HepProgramBuilder()
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
                .build();
    }

    private static HepProgram cleanup() {
        return new HepProgramBuilder()
                .addRuleCollection(java.util.List.of(
                        CoreRules.PROJECT_MERGE,
                        CoreRules.PROJECT_REMOVE,
                        CoreRules.FILTER_MERGE,
                        FILTER_PROJECT_TRANSPOSE))
                .build();
    }
}
