package io.cepheid.planner.rule;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The logical rewrite passes, in order: subqueries to joins (then decorrelation), set operations to
 * aggregates, common OR factors pulled out ({@link OrFactoring}), predicate pushdown, join ordering over
 * multi-joins (greedy for wide ones, {@link GreedyJoinOrder}; exhaustive for the rest), and projection
 * merging. Each pass is a Hep program: deterministic, no cost model needed for these rewrites.
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

    private LogicalOptimizer() {
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
                        CoreRules.FILTER_INTO_JOIN,
                        CoreRules.JOIN_CONDITION_PUSH,
                        CoreRules.FILTER_PROJECT_TRANSPOSE,
                        CoreRules.FILTER_AGGREGATE_TRANSPOSE,
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
                        CoreRules.FILTER_PROJECT_TRANSPOSE))
                .build();
    }
}
