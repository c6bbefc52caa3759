package io.cepheid.executor.expression;

import io.cepheid.executor.ExecutorTestSupport;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.operator.Operator;
import io.cepheid.executor.operator.Operators;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Evaluates an expression over literal input rows and returns the results as Java objects. */
final class ExpressionTestSupport {
    private ExpressionTestSupport() {
    }

    /** Values of {@code expression} for each input row (one batch); checks the allocator is empty afterwards. */
    static List<Object> evaluate(ExprSpec expression, List<SqlType> inputTypes, List<List<Object>> rows) {
        return evaluate(expression, inputTypes, rows, null);
    }

    /** As {@link #evaluate}, restricted to the input rows listed in {@code selection}. */
    static List<Object> evaluate(ExprSpec expression, List<SqlType> inputTypes, List<List<Object>> rows, int[] selection) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("expression-test")) {
            List<Object> results = new ArrayList<>();
            Evaluator evaluator = ExpressionCompiler.compile(expression, allocator);
            try (Operator values = Operators.create(new ValuesSpec(inputTypes, rows), ExecutorTestSupport.context(allocator));
                 Batch batch = values.next()) {
                if (selection != null) {
                    batch.setSelection(selection, selection.length);
                }
                try (ColumnVector result = evaluator.evaluate(batch)) {
                    for (int i = 0; i < batch.size(); i++) {
                        results.add(result.getObject(i));
                    }
                }
            }
            assertEquals(0, allocator.allocatedBytes());
            return results;
        }
    }

    /** The value of a constant expression (evaluated over one dummy row). */
    static Object constant(ExprSpec expression) {
        return evaluate(expression, List.of(SqlType.INTEGER), List.of(List.of(0L))).getFirst();
    }
}
