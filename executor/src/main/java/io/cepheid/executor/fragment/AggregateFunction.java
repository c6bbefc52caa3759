package io.cepheid.executor.fragment;

/** Aggregate functions. COUNT_STAR counts rows; the others skip nulls and give null over no values (COUNT gives 0). */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
