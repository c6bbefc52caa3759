package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.io.Serializable;

/**
 * One aggregate of an {@link AggregateSpec}: {@code argument} is an input column (-1 for COUNT(*)).
 * {@code resultType} is the SQL result: COUNT is BIGINT; SUM of integers is BIGINT, of DECIMAL(p,s) is
 * DECIMAL(18,s), of floats DOUBLE; AVG of integers is BIGINT (truncated, as Redshift), of DECIMAL keeps the
 * scale, of floats DOUBLE; MIN/MAX keep the argument's type.
 */
public record AggregateCall(AggregateFunction function, int argument, boolean distinct, SqlType resultType)
        implements Serializable {
}
