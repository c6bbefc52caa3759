/**
 * Local-disk spilling for operators whose state outgrows the query's memory budget: {@link
 * io.cepheid.executor.spill.SpillFile} writes batches to a temporary file and reads them back,
 * {@link io.cepheid.executor.spill.SpillPartitions} splits rows into such files by key-hash bits (so each
 * partition can be processed alone), and {@link io.cepheid.executor.spill.SpillPolicy} says when to start.
 */
package io.cepheid.executor.spill;
