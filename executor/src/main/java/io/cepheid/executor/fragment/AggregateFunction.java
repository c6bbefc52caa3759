package io.cepheid.executor.fragment;

/**
 * Aggregate functions. COUNT_STAR counts rows; the others skip nulls and give null over no values (COUNT gives
 * 0). SINGLE_VALUE (a scalar subquery's value) gives the group's only value and fails with SQLSTATE 21000 when
 * a group has more than one row.
 */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, SINGLE_VALUE
}
