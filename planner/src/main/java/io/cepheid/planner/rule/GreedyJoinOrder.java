package io.cepheid.planner.rule;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the inputs of inner multi-joins too wide for Calcite's exhaustive {@code LoptOptimizeJoinRule},
 * which spends minutes on a join of dozens of tables. Greedy: start from the input with the fewest
 * estimated rows (filters below it count), then repeatedly add the smallest input that an equi-join
 * predicate connects to what is joined so far, else the smallest connected by any predicate, else the
 * smallest of all (a cross join). Each predicate is applied at the first join where all its inputs are
 * present. Narrower multi-joins are left for Lopt.
 */
public final class GreedyJoinOrder extends RelShuttleImpl {
    /** Multi-joins with more inputs than this are ordered greedily. */
    public static final int EXHAUSTIVE_LIMIT = 8;

    private final RelBuilder relBuilder;

    private GreedyJoinOrder(RelBuilder relBuilder) {
        this.relBuilder = relBuilder;
    }

    public static RelNode apply(RelNode rel, RelBuilder relBuilder) {
        return rel.accept(new GreedyJoinOrder(relBuilder));
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof MultiJoin join && join.getInputs().size() > EXHAUSTIVE_LIMIT && innerOnly(join)) {
            return order(join);
        }
        return visited;
    }

    private static boolean innerOnly(MultiJoin join) {
        int width = 0;
        for (RelNode input : join.getInputs()) {
            width += input.getRowType().getFieldCount();
        }
        return !join.isFullOuterJoin() && join.getJoinTypes().stream().allMatch(type -> type == JoinRelType.INNER)
                && width == join.getRowType().getFieldCount();
    }

    private RelNode order(MultiJoin join) {
        List<RelNode> inputs = join.getInputs();
        int count = inputs.size();
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
        }
        RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
        double[] rows = new double[count];
        for (int i = 0; i < count; i++) {
            Double estimate = metadata.getRowCount(inputs.get(i));
            rows[i] = estimate == null ? Double.MAX_VALUE : estimate;
        }
        List<RexNode> predicates = RelOptUtil.conjunctions(join.getJoinFilter());
        List<ImmutableBitSet> inputsOf = new ArrayList<>();
        boolean[] equiJoin = new boolean[predicates.size()];
        for (int p = 0; p < predicates.size(); p++) {
            ImmutableBitSet.Builder factors = ImmutableBitSet.builder();
            for (int field : RelOptUtil.InputFinder.bits(predicates.get(p))) {
                factors.set(inputOf(offsets, field));
            }
            ImmutableBitSet set = factors.build();
            inputsOf.add(set);
            equiJoin[p] = predicates.get(p).isA(SqlKind.EQUALS) && set.cardinality() == 2;
        }

        int[] positions = new int[offsets[count]];
        ImmutableBitSet joined = ImmutableBitSet.of();
        boolean[] applied = new boolean[predicates.size()];
        int width = 0;
        for (int step = 0; step < count; step++) {
            int next = step == 0 ? smallest(rows) : nextInput(joined, rows, inputsOf, equiJoin);
            for (int field = offsets[next]; field < offsets[next + 1]; field++) {
                positions[field] = width++;
            }
            joined = joined.set(next);
            relBuilder.push(inputs.get(next));
            if (step == 0) {
                continue;
            }
            List<RexNode> conditions = new ArrayList<>();
            for (int p = 0; p < predicates.size(); p++) {
                if (!applied[p] && joined.contains(inputsOf.get(p))) {
                    applied[p] = true;
                    conditions.add(remap(predicates.get(p), positions));
                }
            }
            relBuilder.join(JoinRelType.INNER, conditions);
        }
        List<RexNode> originalOrder = new ArrayList<>();
        for (int field = 0; field < positions.length; field++) {
            originalOrder.add(relBuilder.field(positions[field]));
        }
        relBuilder.project(originalOrder, join.getRowType().getFieldNames(), true);
        if (join.getPostJoinFilter() != null) {
            relBuilder.filter(join.getPostJoinFilter());
        }
        return relBuilder.build();
    }

    private static int inputOf(int[] offsets, int field) {
        int found = Arrays.binarySearch(offsets, field);
        if (found >= 0) {
            // The first input starting at this field that has any fields (empty inputs share an offset).
            while (offsets[found + 1] == field) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    private static int smallest(double[] rows) {
        int best = 0;
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] < rows[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The not yet joined input with the best link to {@code joined} (equi-join, other predicate, none), fewest rows first. */
    private static int nextInput(ImmutableBitSet joined, double[] rows, List<ImmutableBitSet> inputsOf, boolean[] equiJoin) {
        int best = -1;
        int bestLink = Integer.MAX_VALUE;
        for (int candidate = 0; candidate < rows.length; candidate++) {
            if (joined.get(candidate)) {
                continue;
            }
            int link = 2;
            for (int p = 0; p < inputsOf.size() && link > 0; p++) {
                ImmutableBitSet factors = inputsOf.get(p);
                if (factors.get(candidate) && factors.cardinality() > 1 && joined.contains(factors.clear(candidate))) {
                    link = Math.min(link, equiJoin[p] ? 0 : 1);
                }
            }
            if (link < bestLink || (link == bestLink && rows[candidate] < rows[best])) {
                best = candidate;
                bestLink = link;
            }
        }
        return best;
    }

    private static RexNode remap(RexNode predicate, int[] positions) {
        return predicate.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(positions[ref.getIndex()], ref.getType());
            }
        });
    }
}
