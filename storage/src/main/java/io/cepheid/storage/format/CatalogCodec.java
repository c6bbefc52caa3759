package io.cepheid.storage.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.catalog.ViewDefinition;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.RowGroupRef;
import io.cepheid.storage.table.TableManifest;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads and writes catalog version files and table manifests as JSON. The JSON shapes are private
 * records here, so the public catalog types stay free of serialization annotations and the file format
 * can evolve on its own ({@code format} is checked on read). Output is deterministic: equal content gives
 * equal bytes, which content addressing relies on.
 */
public final class CatalogCodec {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogCodec() {
    }

    /** {@code views} is absent (null) in catalogs written before views existed. */
    private record CatalogJson(int format, long version, int sliceCount, List<String> schemas, List<TableJson> tables,
            List<ViewJson> views) {
    }

    private record ViewJson(String schema, String name, String sql, List<ColumnJson> columns) {
    }

    /**
     * {@code statistics} and {@code rowsChanged} are left out while a table was never analyzed and never
     * changed (catalogs written before ANALYZE have neither: such a table reads as never analyzed, with all
     * of its rows changed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record TableJson(String schema, String name, List<ColumnJson> columns, String distStyle, int distKey,
            String sortStyle, List<Integer> sortKey, List<String> constraints, String manifest, long changedVersion,
            StatisticsJson statistics, Long rowsChanged) {
    }

    private record StatisticsJson(long rows, List<ColumnStatisticsJson> columns) {
    }

    /**
     * {@code kind} is the range's shape: none (all null), long, double, decimal (unscaled, decimal text) or
     * bytes (hex); {@code min}/{@code max} are its bounds as text, so doubles and 128-bit values round-trip exactly.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record ColumnStatisticsJson(String name, double nullFraction, double distinct, double width, String kind,
            String min, String max) {
    }

    private record ColumnJson(String name, String type, boolean nullable, String encoding, String defaultSql) {
    }

    private record ManifestJson(int format, String layout, List<List<RowGroupJson>> slices) {
    }

    /**
     * {@code deletes} and {@code deleted} are left out while no row is deleted (the format-1 shape), and
     * {@code sortedRun} unless VACUUM wrote the row group as part of a slice's sorted run.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record RowGroupJson(String file, int rows, String deletes, Integer deleted, Boolean sortedRun) {
    }

    public static byte[] encodeCatalog(CatalogDocument document) {
        List<TableJson> tables = document.tables().stream().map(CatalogCodec::toJson).toList();
        List<ViewJson> views = document.views().stream()
                .map(v -> new ViewJson(v.schema(), v.name(), v.sql(), v.columns().stream().map(CatalogCodec::toJson).toList()))
                .toList();
        return write(new CatalogJson(FORMAT, document.version(), document.sliceCount(), document.schemas(), tables, views));
    }

    public static CatalogDocument decodeCatalog(byte[] bytes, String name) {
        CatalogJson json = read(bytes, CatalogJson.class, name);
        checkFormat(json.format(), name);
        List<CatalogDocument.TableEntry> tables = json.tables().stream().map(CatalogCodec::fromJson).toList();
        List<ViewDefinition> views = json.views() == null ? List.of() : json.views().stream()
                .map(v -> new ViewDefinition(v.schema(), v.name(), v.sql(), v.columns().stream().map(CatalogCodec::fromJson).toList()))
                .toList();
        return new CatalogDocument(json.version(), json.sliceCount(), json.schemas(), tables, views);
    }

    public static byte[] encodeManifest(TableManifest manifest) {
        List<List<RowGroupJson>> slices = manifest.slices().stream()
                .map(slice -> slice.stream().map(r -> new RowGroupJson(r.file(), r.rowCount(), r.deleteFile(),
                        r.deleteFile() == null ? null : r.deletedCount(),
                        r.continuesSortedRun() ? Boolean.TRUE : null)).toList())
                .toList();
        return write(new ManifestJson(FORMAT, manifest.layout().name(), slices));
    }

    public static TableManifest decodeManifest(byte[] bytes, String name) {
        ManifestJson json = read(bytes, ManifestJson.class, name);
        checkFormat(json.format(), name);
        List<List<RowGroupRef>> slices = json.slices().stream()
                .map(slice -> slice.stream().map(CatalogCodec::fromJson).toList())
                .toList();
        return new TableManifest(DistStyle.valueOf(json.layout()), slices);
    }

    private static RowGroupRef fromJson(RowGroupJson json) {
        return new RowGroupRef(json.file(), json.rows(), json.deletes(), json.deleted() == null ? 0 : json.deleted(),
                Boolean.TRUE.equals(json.sortedRun()));
    }

    private static TableJson toJson(CatalogDocument.TableEntry entry) {
        TableDefinition definition = entry.definition();
        List<ColumnJson> columns = definition.columns().stream().map(CatalogCodec::toJson).toList();
        return new TableJson(definition.schema(), definition.name(), columns, definition.distStyle().name(),
                definition.distKey(), definition.sortStyle().name(), definition.sortKey(),
                definition.constraints(), entry.manifestFile(), entry.changedVersion(),
                entry.statistics() == null ? null : toJson(entry.statistics()),
                entry.statistics() == null && entry.rowsChangedSinceAnalyze() == 0 ? null : entry.rowsChangedSinceAnalyze());
    }

    private static CatalogDocument.TableEntry fromJson(TableJson json) {
        List<ColumnDefinition> columns = json.columns().stream().map(CatalogCodec::fromJson).toList();
        TableDefinition definition = new TableDefinition(json.schema(), json.name(), columns,
                DistStyle.valueOf(json.distStyle()), json.distKey(), SortStyle.valueOf(json.sortStyle()),
                json.sortKey(), json.constraints());
        return new CatalogDocument.TableEntry(definition, json.manifest(), json.changedVersion(),
                json.statistics() == null ? null : fromJson(json.statistics()),
                json.rowsChanged() == null ? 0 : json.rowsChanged());
    }

    private static StatisticsJson toJson(TableStatistics statistics) {
        return new StatisticsJson(statistics.rowCount(), statistics.columns().stream().map(CatalogCodec::toJson).toList());
    }

    private static TableStatistics fromJson(StatisticsJson json) {
        return new TableStatistics(json.rows(), json.columns().stream().map(CatalogCodec::fromJson).toList());
    }

    private static ColumnStatisticsJson toJson(ColumnStatistics c) {
        HexFormat hex = HexFormat.of();
        return switch (c.range()) {
            case ZoneMap.Empty e -> new ColumnStatisticsJson(c.column(), c.nullFraction(), c.distinctValues(),
                    c.averageWidth(), "none", null, null);
            case ZoneMap.LongRange r -> new ColumnStatisticsJson(c.column(), c.nullFraction(), c.distinctValues(),
                    c.averageWidth(), "long", Long.toString(r.min()), Long.toString(r.max()));
            case ZoneMap.DoubleRange r -> new ColumnStatisticsJson(c.column(), c.nullFraction(), c.distinctValues(),
                    c.averageWidth(), "double", Double.toString(r.min()), Double.toString(r.max()));
            case ZoneMap.DecimalRange r -> new ColumnStatisticsJson(c.column(), c.nullFraction(), c.distinctValues(),
                    c.averageWidth(), "decimal", r.min().toString(), r.max().toString());
            case ZoneMap.BytesRange r -> new ColumnStatisticsJson(c.column(), c.nullFraction(), c.distinctValues(),
                    c.averageWidth(), "bytes", hex.formatHex(r.min()), hex.formatHex(r.max()));
        };
    }

    private static ColumnStatistics fromJson(ColumnStatisticsJson json) {
        HexFormat hex = HexFormat.of();
        ZoneMap range = switch (json.kind()) {
            case "none" -> ZoneMap.EMPTY;
            case "long" -> new ZoneMap.LongRange(Long.parseLong(json.min()), Long.parseLong(json.max()));
            case "double" -> new ZoneMap.DoubleRange(Double.parseDouble(json.min()), Double.parseDouble(json.max()));
            case "decimal" -> new ZoneMap.DecimalRange(new BigInteger(json.min()), new BigInteger(json.max()));
            case "bytes" -> new ZoneMap.BytesRange(hex.parseHex(json.min()), hex.parseHex(json.max()));
            default -> throw new CepheidException(ErrorCode.DATA_CORRUPTED, "unknown statistics range kind " + json.kind());
        };
        return new ColumnStatistics(json.name(), json.nullFraction(), json.distinct(), json.width(), range);
    }

    private static ColumnJson toJson(ColumnDefinition c) {
        return new ColumnJson(c.name(), SqlTypeNames.format(c.type()), c.nullable(),
                c.encoding() == null ? null : c.encoding().name(), c.defaultSql());
    }

    private static ColumnDefinition fromJson(ColumnJson c) {
        return new ColumnDefinition(c.name(), SqlTypeNames.parse(c.type()), c.nullable(),
                c.encoding() == null ? null : Encoding.valueOf(c.encoding()), c.defaultSql());
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new CepheidException(ErrorCode.INTERNAL_ERROR, "could not write catalog JSON: " + e, e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type, String name) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new CepheidException(ErrorCode.DATA_CORRUPTED, "catalog file " + name + " is corrupt: " + e, e);
        }
    }

    private static void checkFormat(int format, String name) {
        if (format != FORMAT) {
            throw new CepheidException(ErrorCode.DATA_CORRUPTED,
                    "catalog file " + name + " has format " + format + "; this build reads format " + FORMAT);
        }
    }
}
