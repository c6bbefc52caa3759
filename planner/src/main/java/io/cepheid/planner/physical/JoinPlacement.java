package io.cepheid.planner.physical;

import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.core.JoinInfo;

import java.util.List;

/**
 * Where a join runs and which rows move to it, decided from how its inputs are distributed and how many
 * bytes they are estimated to hold (Redshift's join distribution labels):
 * <pre>
 *   COLOCATED           both sides KEY-distributed on a pair of join keys      DS_DIST_NONE
 *   INNER_REPLICATED    inner side a DISTSTYLE ALL table, read whole           DS_DIST_ALL_NONE
 *   REDISTRIBUTE_INNER  outer on a join key: inner re-hashed onto it           DS_DIST_INNER
 *   BROADCAST_INNER     inner small: a copy on every slice                     DS_BCAST_INNER
 *   REDISTRIBUTE_OUTER  inner on a join key: outer re-hashed onto it           DS_DIST_OUTER
 *   REDISTRIBUTE_BOTH   neither on a join key: both re-hashed on one           DS_DIST_BOTH
 *   ON_LEADER           an input already on the leader, or no equi-join key: both gathered to the leader
 * </pre>
 * The moving strategies are weighed by the bytes they send: the inner, the inner {@link
 * PlanEstimates#BROADCAST_COPIES} times, the outer, or both; the first listed wins a tie. An inner of at
 * most {@link #SMALL_INNER_BYTES} is broadcast unless it can be redistributed onto the outer. A join that
 * emits unmatched inner rows (RIGHT, FULL) never gets a copy of the inner on every slice: each slice would
 * emit them again. {@code keyPair} is the join key pair the rows are hashed on (-1 when none moves by hash).
 */
record JoinPlacement(Strategy strategy, int keyPair) {
    enum Strategy {
        COLOCATED, INNER_REPLICATED, REDISTRIBUTE_INNER, BROADCAST_INNER, REDISTRIBUTE_OUTER, REDISTRIBUTE_BOTH, ON_LEADER
    }

    /** One input of the join as the planner sees it: per slice or not, its distribution, types and estimated bytes. */
    record Side(boolean perSlice, Distribution distribution, List<SqlType> types, double bytes) {
    }

    /** An inner side this small (estimated bytes) is broadcast rather than moving the outer side. */
    static final double SMALL_INNER_BYTES = 1 << 20;

    private static final JoinPlacement ON_LEADER = new JoinPlacement(Strategy.ON_LEADER, -1);

    boolean inSlices() {
        return strategy != Strategy.ON_LEADER;
    }

    /** Whether the outer side is re-hashed, so the join's output is KEY-distributed on the outer key {@link #keyPair}. */
    boolean movesOuter() {
        return strategy == Strategy.REDISTRIBUTE_OUTER || strategy == Strategy.REDISTRIBUTE_BOTH;
    }

    static JoinPlacement choose(Side outer, Side inner, JoinKind kind, JoinInfo info) {
        boolean nullSafeKeys = info.nullExclusionFlags.stream().anyMatch(excluded -> !excluded);
        if (!outer.perSlice() || !inner.perSlice() || info.leftKeys.isEmpty() || nullSafeKeys) {
            return ON_LEADER;
        }
        int outerOnKey = -1;
        int innerOnKey = -1;
        int anyPair = -1;
        for (int i = 0; i < info.leftKeys.size(); i++) {
            int outerKey = info.leftKeys.get(i);
            int innerKey = info.rightKeys.get(i);
            if (!hashCompatible(outer.types().get(outerKey), inner.types().get(innerKey))) {
                continue;
            }
            boolean outerOn = outer.distribution().isKeyOn(outerKey);
            boolean innerOn = inner.distribution().isKeyOn(innerKey);
            if (outerOn && innerOn) {
                return new JoinPlacement(Strategy.COLOCATED, i);
            }
            outerOnKey = outerOn && outerOnKey < 0 ? i : outerOnKey;
            innerOnKey = innerOn && innerOnKey < 0 ? i : innerOnKey;
            anyPair = anyPair < 0 ? i : anyPair;
        }
        boolean innerRowsEmittedOnce = kind == JoinKind.INNER || kind == JoinKind.LEFT
                || kind == JoinKind.SEMI || kind == JoinKind.ANTI;
        if (inner.distribution().kind() == Distribution.Kind.ALL && innerRowsEmittedOnce) {
            return new JoinPlacement(Strategy.INNER_REPLICATED, -1);
        }
        if (outerOnKey >= 0) {
            // Moving the inner once never costs more than broadcasting it.
            return new JoinPlacement(Strategy.REDISTRIBUTE_INNER, outerOnKey);
        }
        JoinPlacement best = ON_LEADER;
        double bestBytes = Double.POSITIVE_INFINITY;
        if (innerRowsEmittedOnce) {
            best = new JoinPlacement(Strategy.BROADCAST_INNER, -1);
            bestBytes = inner.bytes() <= SMALL_INNER_BYTES ? -1 : inner.bytes() * PlanEstimates.BROADCAST_COPIES;
        }
        if (innerOnKey >= 0 && outer.bytes() < bestBytes) {
            best = new JoinPlacement(Strategy.REDISTRIBUTE_OUTER, innerOnKey);
            bestBytes = outer.bytes();
        }
        if (anyPair >= 0 && outer.bytes() + inner.bytes() < bestBytes) {
            best = new JoinPlacement(Strategy.REDISTRIBUTE_BOTH, anyPair);
        }
        return best;
    }

    /** Equal values of these types hash alike (integers whatever their width, strings whatever their limit). */
    private static boolean hashCompatible(SqlType left, SqlType right) {
        return left.equals(right) || (isInteger(left) && isInteger(right))
                || (left instanceof SqlType.VarcharType && right instanceof SqlType.VarcharType);
    }

    private static boolean isInteger(SqlType type) {
        return type instanceof SqlType.SmallIntType || type instanceof SqlType.IntegerType || type instanceof SqlType.BigIntType;
    }
}
