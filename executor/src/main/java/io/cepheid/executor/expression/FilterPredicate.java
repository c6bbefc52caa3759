package io.cepheid.executor.expression;

import io.cepheid.executor.kernel.CompareOp;
import io.cepheid.executor.kernel.Kernels;
import io.cepheid.executor.kernel.VectorKernels;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE condition compiled for filtering: its AND-ed conjuncts run one after another, each narrowing the
 * batch's selection. Conjuncts of the form {@code column <op> literal} on INT32, INT64 and FLOAT64 columns
 * run as {@link VectorKernels} selection kernels; the rest are evaluated and keep the rows that are TRUE.
 */
public final class FilterPredicate {
    private final List<Conjunct> conjuncts;

    private FilterPredicate(List<Conjunct> conjuncts) {
        this.conjuncts = conjuncts;
    }

    public static FilterPredicate compile(ExprSpec condition, BufferAllocator allocator) {
        List<ExprSpec> parts = new ArrayList<>();
        splitConjuncts(condition, parts);
        List<Conjunct> conjuncts = new ArrayList<>(parts.size());
        for (ExprSpec part : parts) {
            Conjunct kernel = KernelConjunct.tryCreate(part);
            conjuncts.add(kernel != null ? kernel : new EvaluatedConjunct(ExpressionCompiler.compile(part, allocator)));
        }
        return new FilterPredicate(conjuncts);
    }

    /** The AND-ed parts of a condition (the condition itself when it is not an AND). */
    public static void splitConjuncts(ExprSpec condition, List<ExprSpec> out) {
        if (condition instanceof ExprSpec.Call call && call.function() == Function.AND) {
            for (ExprSpec argument : call.arguments()) {
                splitConjuncts(argument, out);
            }
        } else {
            out.add(condition);
        }
    }

    /** Narrows {@code batch}'s selection to the rows where the condition is TRUE. */
    public void apply(Batch batch) {
        for (Conjunct conjunct : conjuncts) {
            if (batch.size() == 0) {
                return;
            }
            conjunct.apply(batch);
        }
    }

    private sealed interface Conjunct permits KernelConjunct, EvaluatedConjunct {
        void apply(Batch batch);
    }

    /** {@code column <op> constant} over all physical rows by a kernel, intersected with the current selection. */
    private record KernelConjunct(int column, CompareOp op, PhysicalType physicalType, long longConstant,
                                  double doubleConstant) implements Conjunct {
        static KernelConjunct tryCreate(ExprSpec part) {
            if (!(part instanceof ExprSpec.Call call) || call.arguments().size() != 2) {
                return null;
            }
            CompareOp op = compareOp(call.function());
            if (op == null) {
                return null;
            }
            ExprSpec first = call.arguments().get(0);
            ExprSpec second = call.arguments().get(1);
            if (first instanceof ExprSpec.Literal && second instanceof ExprSpec.InputRef) {
                op = flip(op);
                ExprSpec swap = first;
                first = second;
                second = swap;
            }
            if (!(first instanceof ExprSpec.InputRef ref) || !(second instanceof ExprSpec.Literal literal)
                    || literal.value() == null || literal.value() instanceof String) {
                return null;
            }
            SqlType columnType = ref.type();
            return switch (columnType.physicalType()) {
                case INT32, INT64 -> {
                    if (literal.type().physicalType() == PhysicalType.FLOAT32 || literal.type().physicalType() == PhysicalType.FLOAT64
                            || literal.value() instanceof Boolean) {
                        yield null;
                    }
                    int columnScale = ArithmeticEvaluator.scale(columnType);
                    int literalScale = ArithmeticEvaluator.scale(literal.type());
                    if (literalScale > columnScale || (columnType instanceof SqlType.DateType) != (literal.type() instanceof SqlType.DateType)
                            || (columnType instanceof SqlType.TimestampType) != (literal.type() instanceof SqlType.TimestampType)) {
                        yield null;
                    }
                    long constant;
                    try {
                        constant = DecimalMath.rescale(Literals.asLong(literal.value(), literal.type()), literalScale, columnScale);
                    } catch (RuntimeException e) {
                        yield null;
                    }
                    if (columnType.physicalType() == PhysicalType.INT32 && constant != (int) constant) {
                        yield null;
                    }
                    yield new KernelConjunct(ref.index(), op, columnType.physicalType(), constant, 0);
                }
                case FLOAT64 -> literal.type() instanceof SqlType.DecimalType || literal.value() instanceof Boolean ? null
                        : new KernelConjunct(ref.index(), op, PhysicalType.FLOAT64, 0, Literals.asDouble(literal.value(), literal.type()));
                case INT16, INT128, FLOAT32, BOOLEAN, VARIABLE -> null;
            };
        }

        private static CompareOp compareOp(Function function) {
            return switch (function) {
                case EQ -> CompareOp.EQ;
                case NE -> CompareOp.NE;
                case LT -> CompareOp.LT;
                case LE -> CompareOp.LE;
                case GT -> CompareOp.GT;
                case GE -> CompareOp.GE;
                default -> null;
            };
        }

        private static CompareOp flip(CompareOp op) {
            return switch (op) {
                case EQ, NE -> op;
                case LT -> CompareOp.GT;
                case LE -> CompareOp.GE;
                case GT -> CompareOp.LT;
                case GE -> CompareOp.LE;
            };
        }

        @Override
        public void apply(Batch batch) {
            ColumnVector vector = batch.column(column);
            int rows = batch.rowCount();
            int[] matches = new int[rows];
            VectorKernels kernels = Kernels.get();
            int count = switch (physicalType) {
                case INT32 -> kernels.selectInt(vector.values(), vector.validityOrNull(), rows, op, (int) longConstant, matches);
                case INT64 -> kernels.selectLong(vector.values(), vector.validityOrNull(), rows, op, longConstant, matches);
                default -> kernels.selectDouble(vector.values(), vector.validityOrNull(), rows, op, doubleConstant, matches);
            };
            int[] current = batch.selection();
            if (current == null) {
                batch.setSelection(matches, count);
                return;
            }
            // Both lists ascend: a merge keeps the rows present in both.
            int size = batch.size();
            int kept = 0;
            int j = 0;
            for (int i = 0; i < size && j < count; ) {
                if (current[i] == matches[j]) {
                    matches[kept++] = current[i];
                    i++;
                    j++;
                } else if (current[i] < matches[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            batch.setSelection(matches, kept);
        }
    }

    /** Any other condition: evaluated densely, keeping the rows whose value is TRUE. */
    private record EvaluatedConjunct(Evaluator evaluator) implements Conjunct {
        @Override
        public void apply(Batch batch) {
            int size = batch.size();
            int[] kept = new int[size];
            int count = 0;
            try (ColumnVector result = evaluator.evaluate(batch)) {
                var values = result.values();
                for (int i = 0; i < size; i++) {
                    if (!result.isNull(i) && values.get(ValueLayout.JAVA_BYTE, i) != 0) {
                        kept[count++] = batch.row(i);
                    }
                }
            }
            batch.setSelection(kept, count);
        }
    }
}
