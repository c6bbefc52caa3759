package io.cepheid.executor.expression;

import io.cepheid.storage.type.SqlType;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A scalar expression as the planner hands it to the executor: plain data, evaluated a batch at a time.
 * Literal values use the physical representation of their type: Long for integer-like types (SMALLINT,
 * INTEGER, BIGINT, unscaled DECIMAL, DATE as days, TIMESTAMP as microseconds), Double for REAL and DOUBLE,
 * Boolean, String, or null.
 */
public sealed interface ExprSpec extends Serializable {
    SqlType type();

    /** Column {@code index} of the input batch. */
    record InputRef(int index, SqlType type) implements ExprSpec {
    }

    record Literal(Object value, SqlType type) implements ExprSpec {
    }

    /** A function or operator applied to arguments; see {@link Function} for each one's argument convention. */
    record Call(Function function, List<ExprSpec> arguments, SqlType type) implements ExprSpec {
        public Call {
            Objects.requireNonNull(function, "function is null");
            arguments = List.copyOf(arguments);
        }
    }
}
