package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation: groups by input columns {@code groupKeys} and computes {@code aggregates}. Output: the
 * group keys, then one column per aggregate (SINGLE, FINAL), or per aggregate state (PARTIAL; see
 * {@link #stateTypes}). With no group keys it emits exactly one row, even over empty input (unless PARTIAL).
 * For FINAL, {@code input} produces what the PARTIAL spec with the same keys and calls emits, with the group
 * keys at positions 0..k-1; {@code groupKeys} are then 0..k-1.
 */
public record AggregateSpec(PlanSpec input, List<Integer> groupKeys, List<AggregateCall> aggregates, AggregateMode mode)
        implements PlanSpec {
    /** Registers per HyperLogLog sketch (2^11: about 2.3% standard error, 2 KiB per group). */
    public static final int HYPERLOGLOG_REGISTERS = 2048;

    public AggregateSpec {
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<SqlType> outputTypes() {
        List<SqlType> types = new ArrayList<>();
        List<SqlType> inputTypes = input.outputTypes();
        for (int key : groupKeys) {
            types.add(inputTypes.get(key));
        }
        for (AggregateCall call : aggregates) {
            if (mode == AggregateMode.PARTIAL) {
                types.addAll(stateTypes(call));
            } else {
                types.add(call.resultType());
            }
        }
        return types;
    }

    /** The partial state columns of one aggregate: AVG → (sum, count); COUNT → count; STDDEV/VARIANCE →
     * (count, mean, sum of squared deviations); APPROX_COUNT_DISTINCT → the HyperLogLog registers as bytes;
     * others (SINGLE_VALUE too: the FINAL step fails when two slices each send a value for one group) → the
     * result type. */
    public static List<SqlType> stateTypes(AggregateCall call) {
        return switch (call.function()) {
            case COUNT_STAR, COUNT -> List.of(SqlType.BIGINT);
            case AVG -> List.of(sumType(call.resultType()), SqlType.BIGINT);
            case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> List.of(SqlType.BIGINT, SqlType.DOUBLE, SqlType.DOUBLE);
            case APPROX_COUNT_DISTINCT -> List.of(SKETCH_TYPE);
            case SUM, MIN, MAX, SINGLE_VALUE, PERCENTILE_CONT, PERCENTILE_DISC, LISTAGG -> List.of(call.resultType());
        };
    }

    /** A HyperLogLog sketch travelling between PARTIAL and FINAL: its registers, one byte each. */
    public static final SqlType SKETCH_TYPE = new SqlType.VarcharType(HYPERLOGLOG_REGISTERS);

    private static SqlType sumType(SqlType avgType) {
        return switch (avgType) {
            case SqlType.DecimalType d -> new SqlType.DecimalType(SqlType.DecimalType.MAX_PRECISION, d.scale());
            case SqlType.RealType r -> SqlType.DOUBLE;
            case SqlType.DoubleType d -> SqlType.DOUBLE;
            default -> SqlType.BIGINT;
        };
    }
}
