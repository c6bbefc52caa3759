package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * AND, OR (any number of arguments), NOT, and the never-null tests IS [NOT] NULL, IS [NOT] TRUE,
 * IS [NOT] FALSE, with SQL's three-valued logic: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE.
 */
final class LogicEvaluator implements Evaluator {
    private static final byte FALSE = 0;
    private static final byte TRUE = 1;
    private static final byte UNKNOWN = 2;

    private final Function function;
    private final List<Evaluator> arguments;
    private final BufferAllocator allocator;
    private byte[] states = new byte[0];

    LogicEvaluator(Function function, List<Evaluator> arguments, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.allocator = allocator;
    }

    @Override
    public SqlType type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        if (states.length < n) {
            states = new byte[n];
        }
        switch (function) {
            case AND, OR -> combine(input, n);
            default -> test(input, n);
        }
        ColumnVector out = ColumnVector.allocate(allocator, SqlType.BOOLEAN, n);
        MemorySegment values = out.values();
        for (int i = 0; i < n; i++) {
            byte state = states[i];
            if (state == UNKNOWN) {
                out.setNull(i);
            } else {
                values.set(ValueLayout.JAVA_BYTE, i, state);
            }
        }
        return out;
    }

    private void combine(Batch input, int n) {
        boolean and = function == Function.AND;
        // AND starts TRUE and is pulled down by FALSE (absorbing) or NULL; OR mirrors it.
        java.util.Arrays.fill(states, 0, n, and ? TRUE : FALSE);
        byte absorbing = and ? FALSE : TRUE;
        for (Evaluator argument : arguments) {
            try (ColumnVector v = argument.evaluate(input)) {
                MemorySegment values = v.values();
                for (int i = 0; i < n; i++) {
                    if (states[i] == absorbing) {
                        continue;
                    }
                    if (v.isNull(i)) {
                        states[i] = UNKNOWN;
                    } else if ((values.get(ValueLayout.JAVA_BYTE, i) != 0) == !and) {
                        states[i] = absorbing;
                    }
                }
            }
        }
    }

    private void test(Batch input, int n) {
        try (ColumnVector v = arguments.getFirst().evaluate(input)) {
            boolean booleanInput = v.type() instanceof SqlType.BooleanType;
            MemorySegment values = v.values();
            for (int i = 0; i < n; i++) {
                boolean isNull = v.isNull(i);
                boolean value = booleanInput && !isNull && values.get(ValueLayout.JAVA_BYTE, i) != 0;
                states[i] = switch (function) {
                    case NOT -> isNull ? UNKNOWN : value ? FALSE : TRUE;
                    case IS_NULL -> isNull ? TRUE : FALSE;
                    case IS_NOT_NULL -> isNull ? FALSE : TRUE;
                    case IS_TRUE -> !isNull && value ? TRUE : FALSE;
                    case IS_FALSE -> !isNull && !value ? TRUE : FALSE;
                    case IS_NOT_TRUE -> !isNull && value ? FALSE : TRUE;
                    case IS_NOT_FALSE -> !isNull && !value ? FALSE : TRUE;
                    default -> throw new IllegalStateException(function + " is not a logical test");
                };
            }
        }
    }
}
