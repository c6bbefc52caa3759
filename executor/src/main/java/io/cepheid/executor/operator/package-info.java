/**
 * The running side of plan specs: one operator per {@code executor.fragment} spec, built by
 * {@link io.cepheid.executor.operator.Operators#create}. Operators pull batches from their inputs, hand the
 * caller batches it owns, allocate every buffer from the query's accounted allocator, and free everything on
 * {@code close()} (idempotent, safe after errors). Hash tables are open addressing over precomputed hashes in
 * off-heap memory; {@code GatherOperator} is the only place threads appear.
 */
package io.cepheid.executor.operator;
