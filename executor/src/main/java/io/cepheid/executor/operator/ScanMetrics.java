package io.cepheid.executor.operator;

/**
 * What a scan did: row groups decoded and skipped by zone maps, rows decoded and rows passed on, and the
 * blocks behind them (one block per scanned column per row group).
 */
public record ScanMetrics(long rowGroupsRead, long rowGroupsSkipped, long rowsRead, long rowsReturned,
                          long blocksRead, long blocksSkipped) {
}
