/**
 * ANALYZE: table statistics (row count; per column null fraction, distinct values, min/max, average width)
 * computed in one pass over a table version's stored blocks, for the catalog to keep and the planner to read.
 */
package io.cepheid.executor.statistics;
