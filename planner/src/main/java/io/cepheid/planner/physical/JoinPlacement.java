package io.cepheid.planner.physical;

import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.core.JoinInfo;

import java.util.List;

/**
 * Where a join runs, decided from how its inputs are distributed (Redshift's join distribution labels):
 * <pre>
 *   COLOCATED         both sides KEY-distributed on a pair of join keys   DS_DIST_NONE
 *   INNER_REPLICATED  inner side a DISTSTYLE ALL table, read whole       DS_DIST_ALL_NONE
 *   ON_LEADER         anything else: both sides gathered to the leader
 * </pre>
 * An inner ALL table works only for joins that never emit unmatched inner rows (not RIGHT or FULL):
 * each slice would emit them again.
 */
enum JoinPlacement {
    COLOCATED, INNER_REPLICATED, ON_LEADER;

    boolean inSlices() {
        return this != ON_LEADER;
    }

    static JoinPlacement choose(boolean leftPerSlice, Distribution left, List<SqlType> leftTypes,
                                boolean rightPerSlice, Distribution right, List<SqlType> rightTypes,
                                JoinKind kind, JoinInfo info) {
        boolean nullSafeKeys = info.nullExclusionFlags.stream().anyMatch(excluded -> !excluded);
        if (!leftPerSlice || !rightPerSlice || info.leftKeys.isEmpty() || nullSafeKeys) {
            return ON_LEADER;
        }
        if (left.kind() == Distribution.Kind.KEY && right.kind() == Distribution.Kind.KEY) {
            for (int i = 0; i < info.leftKeys.size(); i++) {
                if (info.leftKeys.get(i) == left.keyColumn() && info.rightKeys.get(i) == right.keyColumn()
                        && hashCompatible(leftTypes.get(left.keyColumn()), rightTypes.get(right.keyColumn()))) {
                    return COLOCATED;
                }
            }
        }
        boolean innerRowsEmittedOnce = kind == JoinKind.INNER || kind == JoinKind.LEFT
                || kind == JoinKind.SEMI || kind == JoinKind.ANTI;
        if (right.kind() == Distribution.Kind.ALL && innerRowsEmittedOnce) {
            return INNER_REPLICATED;
        }
        return ON_LEADER;
    }

    /** Equal values of these types land on the same slice (integers hash alike whatever their width). */
    private static boolean hashCompatible(SqlType left, SqlType right) {
        return left.equals(right) || (isInteger(left) && isInteger(right));
    }

    private static boolean isInteger(SqlType type) {
        return type instanceof SqlType.SmallIntType || type instanceof SqlType.IntegerType || type instanceof SqlType.BigIntType;
    }
}
