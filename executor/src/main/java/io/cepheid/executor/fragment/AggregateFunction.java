package io.cepheid.executor.fragment;

/**
 * Aggregate functions. COUNT_STAR counts rows; the others skip nulls and give null over no values (COUNT and
 * APPROX_COUNT_DISTINCT give 0). SINGLE_VALUE (a scalar subquery's value) gives the group's only value and
 * fails with SQLSTATE 21000 when a group has more than one row.
 * <p>
 * STDDEV_* and VAR_* are computed in DOUBLE (count, mean and sum of squared deviations, merged with Chan's
 * formula). APPROX_COUNT_DISTINCT is a HyperLogLog sketch per group, merged register by register.
 * PERCENTILE_CONT, PERCENTILE_DISC and LISTAGG gather their group's values and so only run in SINGLE mode.
 */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, SINGLE_VALUE,
    STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP,
    APPROX_COUNT_DISTINCT,
    PERCENTILE_CONT, PERCENTILE_DISC, LISTAGG;

    /** Whether the function needs all of a group's values in one place (no PARTIAL/FINAL split). */
    public boolean gathersValues() {
        return this == PERCENTILE_CONT || this == PERCENTILE_DISC || this == LISTAGG;
    }
}
