package io.cepheid.executor.fragment;

/**
 * Window functions. Ranking functions ignore the frame; LAG/LEAD take (value, offset, default) columns and
 * NTILE a bucket-count column; FIRST_VALUE/LAST_VALUE and the aggregates read the frame.
 */
public enum WindowFunction {
    ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
