package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * The running state of one aggregate call for every group, in accounted off-heap arrays indexed by group id.
 * Each implementation folds a batch at a time ({@code groupIds[i]} is the group of the i-th selected row) and
 * writes its result, or its partial state, per group.
 */
sealed interface Accumulator extends AutoCloseable
        permits CountAccumulator, LongSumAccumulator, DoubleSumAccumulator, MinMaxAccumulator, SingleValueAccumulator,
        VarianceAccumulator, HyperLogLogAccumulator, GatheredValuesAccumulator {

    /** Makes room for groups [0, groupCount). */
    void ensureGroups(int groupCount);

    void accumulate(Batch batch, int[] groupIds);

    /** Writes group {@code group}'s output into {@code out[column..]} at {@code row}. */
    void write(int group, ColumnVector[] out, int column, int row);

    @Override
    void close();

    /**
     * The accumulator for {@code call}. {@code inputColumn} is where its argument (SINGLE, PARTIAL) or first
     * state column (FINAL) sits in the input; {@code inputTypes} are the input's column types.
     */
    static Accumulator create(AggregateCall call, AggregateMode mode, int inputColumn, List<SqlType> inputTypes,
                              BufferAllocator allocator) {
        if (call.distinct() && call.function() != AggregateFunction.LISTAGG) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "DISTINCT aggregates must be rewritten by the planner before execution");
        }
        boolean merge = mode == AggregateMode.FINAL;
        boolean partial = mode == AggregateMode.PARTIAL;
        SqlType result = call.resultType();
        return switch (call.function()) {
            case COUNT_STAR -> new CountAccumulator(allocator, merge ? inputColumn : -1, merge);
            case COUNT -> new CountAccumulator(allocator, inputColumn, merge);
            case SUM, AVG -> {
                boolean average = call.function() == AggregateFunction.AVG;
                SqlType argumentType = inputTypes.get(inputColumn);
                int countColumn = merge && average ? inputColumn + 1 : -1;
                boolean floatingResult = result.physicalType() == PhysicalType.FLOAT32 || result.physicalType() == PhysicalType.FLOAT64;
                LongSumAccumulator.Output output = !average ? LongSumAccumulator.Output.SUM
                        : partial ? LongSumAccumulator.Output.SUM_AND_COUNT : LongSumAccumulator.Output.AVERAGE;
                yield floatingResult
                        ? new DoubleSumAccumulator(allocator, inputColumn, countColumn, argumentType, output)
                        : new LongSumAccumulator(allocator, inputColumn, countColumn, argumentType, result, output);
            }
            case MIN, MAX -> new MinMaxAccumulator(allocator, inputColumn, inputTypes.get(inputColumn),
                    call.function() == AggregateFunction.MIN);
            case SINGLE_VALUE -> new SingleValueAccumulator(allocator, inputColumn, inputTypes.get(inputColumn));
            case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> new VarianceAccumulator(allocator, inputColumn,
                    inputTypes.get(inputColumn), call.function(), merge, partial);
            case APPROX_COUNT_DISTINCT -> new HyperLogLogAccumulator(allocator, inputColumn, merge, partial);
            case PERCENTILE_CONT, PERCENTILE_DISC, LISTAGG -> {
                if (mode != AggregateMode.SINGLE) {
                    throw new CepheidException(ErrorCode.INTERNAL_ERROR,
                            call.function() + " gathers its values and runs in SINGLE mode only");
                }
                yield new GatheredValuesAccumulator(allocator, call, inputTypes);
            }
        };
    }
}
