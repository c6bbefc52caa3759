package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.io.Serializable;
import java.util.List;

/**
 * One window function of a {@link WindowSpec}: its argument columns (LAG/LEAD: value, offset, default, with
 * value and default of {@code resultType}; NTILE: bucket count; SUM/AVG/MIN/MAX/COUNT: the value, already
 * of {@code resultType} for SUM/AVG/MIN/MAX), its frame and its result type. AVG of integers is a truncated
 * BIGINT, of DECIMAL rounded half away from zero, as Redshift.
 */
public record WindowCall(WindowFunction function, List<Integer> arguments, WindowFrame frame, SqlType resultType)
        implements Serializable {
    public WindowCall {
        arguments = List.copyOf(arguments);
    }
}
