package io.cepheid.planner.physical;

import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.util.ImmutableIntList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a join's rows move, for sides of known distribution and size, joined on column 0 = column 0. */
class JoinPlacementTest {
    private static final List<SqlType> INTS = List.of(SqlType.INTEGER, SqlType.INTEGER);
    private static final JoinInfo ON_FIRST_COLUMNS = JoinInfo.of(ImmutableIntList.of(0), ImmutableIntList.of(0));
    private static final double SMALL = 1_000;
    private static final double BIG = 100 * JoinPlacement.SMALL_INNER_BYTES;

    private static JoinPlacement.Side side(Distribution distribution, double bytes) {
        return new JoinPlacement.Side(true, distribution, INTS, bytes);
    }

    private static JoinPlacement.Strategy choose(JoinPlacement.Side outer, JoinPlacement.Side inner, JoinKind kind) {
        return JoinPlacement.choose(outer, inner, kind, ON_FIRST_COLUMNS).strategy();
    }

    @Test
    void bothSidesOnTheJoinKeyMoveNothing() {
        assertEquals(JoinPlacement.Strategy.COLOCATED,
                choose(side(Distribution.key(0), BIG), side(Distribution.key(0), BIG), JoinKind.FULL));
    }

    @Test
    void anAllInnerIsReadWholeUnlessItsUnmatchedRowsAreKept() {
        assertEquals(JoinPlacement.Strategy.INNER_REPLICATED,
                choose(side(Distribution.EVEN, BIG), side(Distribution.ALL, BIG), JoinKind.LEFT));
        assertEquals(JoinPlacement.Strategy.REDISTRIBUTE_BOTH,
                choose(side(Distribution.EVEN, BIG), side(Distribution.ALL, BIG), JoinKind.RIGHT));
    }

    @Test
    void anOuterOnTheKeyGetsTheInnerRedistributedWhateverItsSize() {
        assertEquals(JoinPlacement.Strategy.REDISTRIBUTE_INNER,
                choose(side(Distribution.key(0), BIG), side(Distribution.EVEN, SMALL), JoinKind.INNER));
    }

    @Test
    void aSmallInnerIsBroadcastExceptToJoinsThatKeepItsUnmatchedRows() {
        assertEquals(JoinPlacement.Strategy.BROADCAST_INNER,
                choose(side(Distribution.key(1), BIG), side(Distribution.key(0), SMALL), JoinKind.ANTI));
        assertEquals(JoinPlacement.Strategy.REDISTRIBUTE_OUTER,
                choose(side(Distribution.key(1), BIG), side(Distribution.key(0), SMALL), JoinKind.FULL));
    }

    @Test
    void aBigInnerStaysAndTheSmallerOuterMoves() {
        assertEquals(JoinPlacement.Strategy.REDISTRIBUTE_OUTER,
                choose(side(Distribution.EVEN, BIG), side(Distribution.key(0), 2 * BIG), JoinKind.INNER));
        // An outer much bigger than four copies of the inner: broadcasting the inner sends fewer bytes.
        assertEquals(JoinPlacement.Strategy.BROADCAST_INNER,
                choose(side(Distribution.EVEN, 10 * BIG), side(Distribution.key(0), BIG), JoinKind.INNER));
    }

    @Test
    void neitherSideOnTheKeyAndBothBigRedistributesBoth() {
        assertEquals(JoinPlacement.Strategy.REDISTRIBUTE_BOTH,
                choose(side(Distribution.EVEN, BIG), side(Distribution.EVEN, BIG), JoinKind.INNER));
    }

    @Test
    void keysThatHashDifferentlyNeverRedistributeAndAnInputOnTheLeaderKeepsTheJoinThere() {
        var decimals = new JoinPlacement.Side(true, Distribution.EVEN, List.of(new SqlType.DecimalType(12, 2)), BIG);
        assertEquals(JoinPlacement.Strategy.ON_LEADER, choose(side(Distribution.EVEN, BIG), decimals, JoinKind.FULL));
        var onLeader = new JoinPlacement.Side(false, Distribution.EVEN, INTS, SMALL);
        assertEquals(JoinPlacement.Strategy.ON_LEADER, choose(side(Distribution.key(0), BIG), onLeader, JoinKind.INNER));
    }
}
