package io.cepheid.planner.rule;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls conjuncts common to every branch of an OR out in front of it, in filter and join conditions:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. TPC-H Q19 writes its join key inside each
 * OR branch; only once it stands alone can pushdown turn it into a hash-join key instead of a cross product.
 */
final class OrFactoring {
    private OrFactoring() {
    }

    static RelNode apply(RelNode root) {
        return root.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return switch (visited) {
                    case Filter filter -> {
                        RexNode factored = factor(filter, filter.getCondition());
                        yield factored == filter.getCondition() ? filter
                                : filter.copy(filter.getTraitSet(), filter.getInput(), factored);
                    }
                    case Join join -> {
                        RexNode factored = factor(join, join.getCondition());
                        yield factored == join.getCondition() ? join
                                : join.copy(join.getTraitSet(), factored, join.getLeft(), join.getRight(),
                                join.getJoinType(), join.isSemiJoinDone());
                    }
                    default -> visited;
                };
            }
        });
    }

    /** The condition with common OR factors pulled out, or the same instance when there is nothing to pull. */
    private static RexNode factor(RelNode node, RexNode condition) {
        RexNode factored = RexUtil.pullFactors(node.getCluster().getRexBuilder(), condition);
        return factored.equals(condition) ? condition : factored;
    }
}
