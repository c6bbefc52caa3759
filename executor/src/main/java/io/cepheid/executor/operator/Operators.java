package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.vector.Batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds the running operator tree for a plan spec, and drains operators for callers that want all rows. */
public final class Operators {
    private Operators() {
    }

    /**
     * The operator that runs {@code spec} (and, recursively, its inputs) in {@code context}, counting into
     * the context's metrics when it has them.
     */
    public static Operator create(PlanSpec spec, ExecutionContext context) {
        Operator operator = switch (spec) {
            case ScanSpec scan -> new ScanOperator(scan, context);
            case ValuesSpec values -> new ValuesOperator(values, context);
            case FilterSpec filter -> new FilterOperator(filter, context);
            case ProjectSpec project -> new ProjectOperator(project, context);
            case AggregateSpec aggregate -> new HashAggregateOperator(aggregate, context);
            case HashJoinSpec join -> new HashJoinOperator(join, context);
            case NestedLoopJoinSpec join -> new NestedLoopJoinOperator(join, context);
            case SortSpec sort -> new SortOperator(sort, context);
            case MergeSpec merge -> new MergeOperator(merge, context);
            case LimitSpec limit -> new LimitOperator(limit, context);
            case UnionAllSpec union -> new UnionAllOperator(union, context);
            case GatherSpec gather -> new GatherOperator(gather, context);
            case WindowSpec window -> new WindowOperator(window, context);
            case BroadcastSpec broadcast -> new BroadcastOperator(broadcast, context);
            case RedistributeSpec redistribute -> new RedistributeOperator(redistribute, context);
        };
        return context.metrics() == null ? operator : context.metrics().meter(spec, operator);
    }

    /** Passes every batch of {@code operator} to {@code sink} (which must close it), then closes the operator. */
    public static void drain(Operator operator, Consumer<Batch> sink) {
        try (operator) {
            Batch batch;
            while ((batch = operator.next()) != null) {
                sink.accept(batch);
            }
        }
    }

    /** Reads every selected row as Java objects (see {@code ColumnVector#getObject}), then closes the operator. */
    public static List<List<Object>> collectRows(Operator operator) {
        List<List<Object>> rows = new ArrayList<>();
        drain(operator, batch -> {
            try (batch) {
                for (int i = 0; i < batch.size(); i++) {
                    int row = batch.row(i);
                    List<Object> values = new ArrayList<>(batch.columnCount());
                    for (int c = 0; c < batch.columnCount(); c++) {
                        values.add(batch.column(c).getObject(row));
                    }
                    rows.add(values);
                }
            }
        });
        return rows;
    }

    /**
     * Rethrows a failure another thread recorded (a slice, an exchange producer) in the consumer's thread:
     * unchecked ones as they are, anything else as an internal error saying {@code what} failed.
     */
    static void rethrow(Throwable failure, String what) {
        if (failure == null) {
            return;
        }
        switch (failure) {
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new CepheidException(ErrorCode.INTERNAL_ERROR, what + " failed: " + failure, failure);
        }
    }

    /** Closes operators already created when building a parent fails half-way. */
    static void closeQuietly(RuntimeException failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
