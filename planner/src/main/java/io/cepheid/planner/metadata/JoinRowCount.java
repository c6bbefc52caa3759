package io.cepheid.planner.metadata;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Estimated rows of an equi-join from the distinct counts of its keys: {@code |L| * |R| / max(ndv(L keys),
 * ndv(R keys))}, the textbook formula, where a distinct count is known when the keys contain a declared
 * key ({@link DeclaredKeys}) or an aggregate's group (Calcite's distinct-row-count metadata). When neither
 * side's count is known (a many-to-many join such as {@code c_nationkey = s_nationkey}) Calcite's guess for
 * an equality, 0.15, stands in. Calcite's own estimate multiplies the inputs by 0.15 per equality, so it
 * thinks lineitem ⋈ (customer ⋈ supplier on nation) is as small as a key join; it really repeats every
 * lineitem row once per customer of the supplier's nation (TPC-H q05: a million rows at SF 0.01, growing
 * with the square of the scale factor).
 */
public final class JoinRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {
    /** Calcite's selectivity guess for an equality ({@code RelMdUtil.guessSelectivity}). */
    private static final double UNKNOWN_EQUALITY_SELECTIVITY = 0.15;

    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    public Double getRowCount(Join join, RelMetadataQuery mq) {
        if (!join.getJoinType().projectsRight()) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (left == null || right == null) {
            return null;
        }
        JoinInfo info = join.analyzeCondition();
        double inner = left * right;
        if (!info.leftKeys.isEmpty()) {
            Double leftDistinct = distinct(mq, join.getLeft(), info.leftSet(), left);
            Double rightDistinct = distinct(mq, join.getRight(), info.rightSet(), right);
            if (leftDistinct == null && rightDistinct == null) {
                inner *= UNKNOWN_EQUALITY_SELECTIVITY;
            } else {
                double larger = Math.max(leftDistinct == null ? 1 : leftDistinct, rightDistinct == null ? 1 : rightDistinct);
                inner /= Math.max(1, larger);
            }
        }
        if (!info.isEqui()) {
            inner *= RelMdUtil.guessSelectivity(info.getRemaining(join.getCluster().getRexBuilder()));
        }
        return switch (join.getJoinType()) {
            case LEFT -> Math.max(inner, left);
            case RIGHT -> Math.max(inner, right);
            case FULL -> Math.max(inner, left) + Math.max(inner, right) - inner;
            default -> inner;
        };
    }

    /** Distinct values of {@code keys} in {@code input}, at most its rows; null when unknown. */
    private static Double distinct(RelMetadataQuery mq, RelNode input, ImmutableBitSet keys, double rows) {
        Double distinct = mq.getDistinctRowCount(input, keys, null);
        return distinct == null ? null : Math.min(distinct, rows);
    }
}
