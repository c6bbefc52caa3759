package io.cepheid.planner.catalog;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.SortedRegion;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Redshift's system tables under their own names and columns, in pg_catalog: query history
 * (stl_query, sys_query_history, svl_query_summary) from the engine's {@link QueryLog}, storage
 * (svv_table_info, stv_blocklist), ANALYZE statistics (pg_stats) and layout (stv_slices) from the catalog
 * version the query reads.
 * Columns Cepheid has no value for are NULL (or 0 where Redshift's own value would be a constant 0).
 */
public final class RedshiftSystemTables {
    /** Redshift's label for a query with no query_group set. */
    private static final String DEFAULT_LABEL = "default";
    private static final SqlType TEXT = SqlType.VARCHAR;

    private RedshiftSystemTables() {
    }

    public static Map<String, SystemTable> all(QueryLog log) {
        return Map.of(
                "stl_query", new SystemTable(columns(
                        "userid", SqlType.INTEGER, "query", SqlType.INTEGER, "label", TEXT, "xid", SqlType.BIGINT,
                        "pid", SqlType.INTEGER, "database", TEXT, "querytxt", TEXT, "starttime", SqlType.TIMESTAMP,
                        "endtime", SqlType.TIMESTAMP, "aborted", SqlType.INTEGER, "insert_pristine", SqlType.INTEGER,
                        "concurrency_scaling_status", SqlType.INTEGER),
                        catalog -> stlQuery(log)),
                "sys_query_history", new SystemTable(columns(
                        "user_id", SqlType.INTEGER, "query_id", SqlType.BIGINT, "query_label", TEXT,
                        "transaction_id", SqlType.BIGINT, "session_id", SqlType.INTEGER, "database_name", TEXT,
                        "query_type", TEXT, "status", TEXT, "result_cache_hit", SqlType.BOOLEAN,
                        "start_time", SqlType.TIMESTAMP, "end_time", SqlType.TIMESTAMP, "elapsed_time", SqlType.BIGINT,
                        "queue_time", SqlType.BIGINT, "execution_time", SqlType.BIGINT, "error_message", TEXT,
                        "returned_rows", SqlType.BIGINT, "returned_bytes", SqlType.BIGINT, "query_text", TEXT,
                        "error_code", TEXT),
                        catalog -> queryHistory(log)),
                "svl_query_summary", new SystemTable(columns(
                        "userid", SqlType.INTEGER, "query", SqlType.INTEGER, "stm", SqlType.INTEGER, "seg", SqlType.INTEGER,
                        "step", SqlType.INTEGER, "maxtime", SqlType.BIGINT, "avgtime", SqlType.BIGINT,
                        "rows", SqlType.BIGINT, "bytes", SqlType.BIGINT, "rate_row", SqlType.DOUBLE,
                        "rate_byte", SqlType.DOUBLE, "label", TEXT, "is_diskbased", TEXT, "workmem", SqlType.BIGINT,
                        "is_rrscan", TEXT, "is_delayed_scan", TEXT, "rows_pre_filter", SqlType.BIGINT,
                        "spilled_bytes", SqlType.BIGINT),
                        catalog -> querySummary(log)),
                "svv_table_info", new SystemTable(columns(
                        "database", TEXT, "schema", TEXT, "table_id", SqlType.INTEGER, "table", TEXT, "encoded", TEXT,
                        "diststyle", TEXT, "sortkey1", TEXT, "max_varchar", SqlType.INTEGER, "sortkey1_enc", TEXT,
                        "sortkey_num", SqlType.INTEGER, "size", SqlType.BIGINT, "pct_used", new SqlType.DecimalType(10, 4),
                        "empty", SqlType.BIGINT, "unsorted", new SqlType.DecimalType(5, 2),
                        "stats_off", new SqlType.DecimalType(5, 2), "tbl_rows", new SqlType.DecimalType(18, 0),
                        "skew_sortkey1", new SqlType.DecimalType(18, 2), "skew_rows", new SqlType.DecimalType(18, 2),
                        "estimated_visible_rows", new SqlType.DecimalType(18, 0), "risk_event", TEXT,
                        "vacuum_sort_benefit", new SqlType.DecimalType(12, 2), "create_time", SqlType.TIMESTAMP),
                        RedshiftSystemTables::tableInfo),
                "stv_blocklist", new SystemTable(columns(
                        "slice", SqlType.INTEGER, "col", SqlType.INTEGER, "tbl", SqlType.INTEGER,
                        "blocknum", SqlType.INTEGER, "num_values", SqlType.INTEGER, "extended_limits", SqlType.INTEGER,
                        "minvalue", SqlType.BIGINT, "maxvalue", SqlType.BIGINT, "sb_pos", SqlType.INTEGER,
                        "pinned", SqlType.INTEGER, "on_disk", SqlType.INTEGER, "modified", SqlType.INTEGER,
                        "hdr_modified", SqlType.INTEGER, "unsorted", SqlType.INTEGER, "tombstone", SqlType.INTEGER,
                        "preferred_diskno", SqlType.INTEGER, "temporary", SqlType.INTEGER, "newblock", SqlType.INTEGER,
                        "num_readers", SqlType.INTEGER, "flags", SqlType.INTEGER),
                        RedshiftSystemTables::blockList),
                "pg_stats", new SystemTable(columns(
                        "schemaname", TEXT, "tablename", TEXT, "attname", TEXT, "inherited", SqlType.BOOLEAN,
                        "null_frac", SqlType.REAL, "avg_width", SqlType.INTEGER, "n_distinct", SqlType.REAL),
                        RedshiftSystemTables::columnStatistics),
                "stv_slices", new SystemTable(columns(
                        "node", SqlType.INTEGER, "slice", SqlType.INTEGER, "localslice", SqlType.INTEGER,
                        "host", SqlType.INTEGER, "type", TEXT),
                        RedshiftSystemTables::slices));
    }

    /**
     * A table's id (Redshift's table_id / tbl): a stable number derived from its qualified name, above
     * 100,000 like Redshift's user-table OIDs, so ids agree between catalog versions and query history.
     */
    public static long tableId(String schema, String name) {
        return 100_000L + Math.floorMod((schema + "." + name).hashCode(), Integer.MAX_VALUE - 100_000);
    }

    private static List<SystemTable.Column> columns(Object... nameTypePairs) {
        List<SystemTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.add(new SystemTable.Column((String) nameTypePairs[i], (SqlType) nameTypePairs[i + 1]));
        }
        return columns;
    }

    // ---- query history -----------------------------------------------------------------------------

    /** stl_query lists queries; DDL and utility statements are Redshift's stl_ddltext / stl_utilitytext. */
    private static List<List<Object>> stlQuery(QueryLog log) {
        List<List<Object>> rows = new ArrayList<>();
        for (QueryLog.LoggedQuery query : log.queries()) {
            if (query.queryType().equals("DDL") || query.queryType().equals("UTILITY")) {
                continue;
            }
            rows.add(Arrays.asList(query.userId(), query.queryId(), DEFAULT_LABEL, query.transactionId(),
                    (long) query.sessionId(), SystemTables.DATABASE, query.text(), query.startMicros(),
                    query.endMicros(), query.status() == QueryLog.Status.SUCCESS ? 0L : 1L, 0L, 0L));
        }
        return rows;
    }

    private static List<List<Object>> queryHistory(QueryLog log) {
        List<List<Object>> rows = new ArrayList<>();
        for (QueryLog.LoggedQuery query : log.queries()) {
            long elapsed = query.endMicros() - query.startMicros();
            rows.add(Arrays.asList(query.userId(), query.queryId(), DEFAULT_LABEL, query.transactionId(),
                    (long) query.sessionId(), SystemTables.DATABASE, query.queryType(),
                    query.status().name().toLowerCase(Locale.ROOT), false, query.startMicros(), query.endMicros(),
                    elapsed, 0L, elapsed, query.errorMessage(), query.rows(), null, query.text(), query.errorCode()));
        }
        return rows;
    }

    private static List<List<Object>> querySummary(QueryLog log) {
        List<List<Object>> rows = new ArrayList<>();
        for (QueryLog.LoggedQuery query : log.queries()) {
            for (QueryLog.LoggedStep step : query.steps()) {
                boolean scan = step.label().startsWith("scan");
                Double seconds = step.maxMicros() == 0 ? null : step.maxMicros() / 1e6;
                rows.add(Arrays.asList(query.userId(), query.queryId(), 0L, (long) step.segment(), (long) step.step(),
                        step.maxMicros(), step.avgMicros(), step.rows(), step.bytes(),
                        seconds == null ? null : step.rows() / seconds, seconds == null ? null : step.bytes() / seconds,
                        step.label(), step.spilledBytes() > 0 ? "t" : "f", 0L,
                        scan && step.blocksSkipped() > 0 ? "t" : "f", "f",
                        scan ? step.rowsPreFilter() : 0L, step.spilledBytes()));
            }
        }
        return rows;
    }

    // ---- storage -----------------------------------------------------------------------------------

    /**
     * One row per table with rows (Redshift leaves empty tables out). size counts blocks, each at most
     * about 1 MB as Redshift's are; Cepheid stores no hidden columns, so only user columns count.
     * tbl_rows counts stored rows, deleted ones included until VACUUM reclaims them (as Redshift's does);
     * estimated_visible_rows counts live rows only.
     */
    private static List<List<Object>> tableInfo(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition definition : catalog.tables()) {
            Optional<TableSnapshot> found = catalog.table(definition.schema(), definition.name());
            if (found.isEmpty()) {
                continue;
            }
            TableSnapshot table = found.get();
            long storedRows = SortedRegion.storedRows(table);
            if (storedRows == 0) {
                continue;
            }
            List<ColumnDefinition> columns = definition.columns();
            long blocks = 0;
            long[] sliceRows = new long[table.sliceCount()];
            long[] columnBytes = new long[columns.size()];
            for (int slice = 0; slice < table.sliceCount(); slice++) {
                for (RowGroup rowGroup : table.rowGroups(slice)) {
                    blocks += columns.size();
                    sliceRows[slice] += rowGroup.rowCount();
                    for (int c = 0; c < columns.size(); c++) {
                        columnBytes[c] += rowGroup.encodedBytes(c);
                    }
                }
            }
            boolean hasSortKey = SortedRegion.sorted(definition);
            Integer sortColumn = hasSortKey ? definition.sortKey().getFirst() : null;
            Long unsorted = hasSortKey ? hundredths(SortedRegion.unsortedRows(table) * 100.0 / storedRows) : null;
            rows.add(Arrays.asList(SystemTables.DATABASE, definition.schema(),
                    tableId(definition.schema(), definition.name()), definition.name(), encoded(columns),
                    distStyle(definition, table), hasSortKey ? columns.get(sortColumn).name() : null,
                    maxVarchar(columns), hasSortKey ? SystemTables.encodingName(encoding(columns.get(sortColumn))) : null,
                    (long) definition.sortKey().size(), blocks, null, 0L,
                    unsorted, statsOff(table), storedRows,
                    hasSortKey ? skewSortKey(columnBytes, definition.sortKey()) : null, skewRows(table, sliceRows),
                    table.rowCount(), null, unsorted, null));
        }
        return rows;
    }

    /**
     * How stale the table's statistics are, as DECIMAL(5,2) hundredths: 100.00 while never analyzed, else the
     * rows inserted or deleted since the last ANALYZE as a percentage of the rows it saw, at most 100.00
     * (a table analyzed while empty is 100.00 stale after its first insert).
     */
    private static long statsOff(TableSnapshot table) {
        return table.statistics()
                .map(statistics -> hundredths(Math.min(100, table.rowsChangedSinceAnalyze() * 100.0
                        / Math.max(1, statistics.rowCount()))))
                .orElse(hundredths(100));
    }

    // ---- statistics --------------------------------------------------------------------------------

    /**
     * PostgreSQL's pg_stats over the ANALYZE statistics: one row per analyzed column. n_distinct follows
     * PostgreSQL: a positive count, or, when the column's distinct values exceed a tenth of the rows (so they
     * likely grow with the table), minus their fraction of the rows (-1 for a unique column).
     */
    private static List<List<Object>> columnStatistics(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition definition : catalog.tables()) {
            Optional<TableStatistics> found = catalog.table(definition.schema(), definition.name())
                    .flatMap(TableSnapshot::statistics);
            if (found.isEmpty()) {
                continue;
            }
            TableStatistics statistics = found.get();
            for (ColumnStatistics column : statistics.columns()) {
                double distinct = column.distinctValues();
                double rowCount = statistics.rowCount();
                double nDistinct = rowCount > 0 && distinct > 0.1 * rowCount
                        ? -Math.round(distinct / rowCount * 10_000) / 10_000.0 : distinct;
                rows.add(Arrays.asList(definition.schema(), definition.name(), column.column(), false,
                        column.nullFraction(), Math.round(column.averageWidth()), nDistinct));
            }
        }
        return rows;
    }

    private static Encoding encoding(ColumnDefinition column) {
        return column.encoding() == null ? Encoding.AUTO : column.encoding();
    }

    /** 'Y' when any column is compressed (AUTO compresses), 'N' when every column is RAW. */
    private static String encoded(List<ColumnDefinition> columns) {
        return columns.stream().allMatch(c -> encoding(c) == Encoding.RAW) ? "N" : "Y";
    }

    private static String distStyle(TableDefinition definition, TableSnapshot table) {
        String key = definition.distKey() == TableDefinition.NO_DIST_KEY ? null
                : "KEY(" + definition.columns().get(definition.distKey()).name() + ")";
        return switch (definition.distStyle()) {
            case EVEN -> "EVEN";
            case KEY -> key;
            case ALL -> "ALL";
            case AUTO -> "AUTO(" + switch (table.storedDistStyle()) {
                case ALL -> "ALL";
                case KEY -> key;
                case EVEN, AUTO -> "EVEN";
            } + ")";
        };
    }

    private static long maxVarchar(List<ColumnDefinition> columns) {
        long max = 0;
        for (ColumnDefinition column : columns) {
            if (column.type() instanceof SqlType.VarcharType varchar) {
                max = Math.max(max, varchar.maxBytes());
            }
        }
        return max;
    }

    /** Largest non-sort-key column's encoded size over the first sort-key column's, as hundredths. */
    private static Long skewSortKey(long[] columnBytes, List<Integer> sortKey) {
        long largest = 0;
        for (int c = 0; c < columnBytes.length; c++) {
            if (!sortKey.contains(c)) {
                largest = Math.max(largest, columnBytes[c]);
            }
        }
        long first = columnBytes[sortKey.getFirst()];
        return first == 0 ? null : hundredths((double) largest / first);
    }

    /** Rows on the fullest slice over rows on the emptiest, as hundredths; a replicated table is not skewed. */
    private static Long skewRows(TableSnapshot table, long[] sliceRows) {
        if (table.replicated() || table.storedDistStyle() == DistStyle.ALL) {
            return 100L;
        }
        long max = Arrays.stream(sliceRows).max().orElse(0);
        long min = Arrays.stream(sliceRows).min().orElse(0);
        return min == 0 ? null : hundredths((double) max / min);
    }

    private static long hundredths(double value) {
        return Math.round(value * 100);
    }

    /**
     * One row per stored block: Cepheid keeps one block per column per row group, so blocknum is the row
     * group's position in its slice; unsorted is 1 for blocks after the slice's sorted region. minvalue / maxvalue follow Redshift: integer-like values as stored
     * (DECIMAL unscaled, DATE in days, TIMESTAMP in microseconds), floating point rounded outwards, strings
     * as their first eight bytes read as a big-endian 64-bit integer.
     */
    private static List<List<Object>> blockList(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition definition : catalog.tables()) {
            Optional<TableSnapshot> found = catalog.table(definition.schema(), definition.name());
            if (found.isEmpty()) {
                continue;
            }
            TableSnapshot table = found.get();
            long tableId = tableId(definition.schema(), definition.name());
            for (int slice = 0; slice < table.sliceCount(); slice++) {
                List<RowGroup> rowGroups = table.rowGroups(slice);
                int sortedRowGroups = SortedRegion.rowGroups(definition, rowGroups);
                for (int blockNumber = 0; blockNumber < rowGroups.size(); blockNumber++) {
                    RowGroup rowGroup = rowGroups.get(blockNumber);
                    long unsorted = blockNumber >= sortedRowGroups ? 1L : 0L;
                    for (int column = 0; column < definition.columns().size(); column++) {
                        ZoneMap zoneMap = rowGroup.header(column).zoneMap();
                        rows.add(Arrays.asList((long) slice, (long) column, tableId, (long) blockNumber,
                                (long) rowGroup.rowCount(), 0L, minValue(zoneMap), maxValue(zoneMap), 0L, 0L, 1L,
                                0L, 0L, unsorted, 0L, 0L, 0L, 0L, 0L, 0L));
                    }
                }
            }
        }
        return rows;
    }

    private static Long minValue(ZoneMap zoneMap) {
        return switch (zoneMap) {
            case ZoneMap.Empty e -> null;
            case ZoneMap.LongRange range -> range.min();
            case ZoneMap.DoubleRange range -> (long) Math.floor(range.min());
            case ZoneMap.DecimalRange range -> saturated(range.min());
            case ZoneMap.BytesRange range -> firstEightBytes(range.min());
        };
    }

    private static Long maxValue(ZoneMap zoneMap) {
        return switch (zoneMap) {
            case ZoneMap.Empty e -> null;
            case ZoneMap.LongRange range -> range.max();
            case ZoneMap.DoubleRange range -> (long) Math.ceil(range.max());
            case ZoneMap.DecimalRange range -> saturated(range.max());
            case ZoneMap.BytesRange range -> firstEightBytes(range.max());
        };
    }

    /** A 128-bit unscaled DECIMAL bound in the BIGINT column: clamped to BIGINT's range. */
    private static long saturated(java.math.BigInteger value) {
        return value.max(java.math.BigInteger.valueOf(Long.MIN_VALUE)).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    private static long firstEightBytes(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (i < bytes.length ? bytes[i] & 0xFF : 0);
        }
        return value;
    }

    /** One node; every slice holds data ('D'). */
    private static List<List<Object>> slices(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (int slice = 0; slice < catalog.sliceCount(); slice++) {
            rows.add(Arrays.asList(0L, (long) slice, (long) slice, 0L, "D"));
        }
        return rows;
    }
}
