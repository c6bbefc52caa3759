package io.cepheid.planner.catalog;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.ViewDefinition;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The catalog views that clients and BI tools query: information_schema (SQL standard, PostgreSQL column
 * names) and Redshift's pg_catalog.pg_table_def.
 */
public final class SystemTables {
    /** The database name reported in table_catalog columns. */
    public static final String DATABASE = "dev";
    private static final String OWNER = "cepheid";

    private SystemTables() {
    }

    public static Map<String, SystemTable> informationSchema() {
        return Map.of(
                "schemata", new SystemTable(columns(
                        "catalog_name", SqlType.VARCHAR, "schema_name", SqlType.VARCHAR, "schema_owner", SqlType.VARCHAR),
                        SystemTables::schemata),
                "tables", new SystemTable(columns(
                        "table_catalog", SqlType.VARCHAR, "table_schema", SqlType.VARCHAR,
                        "table_name", SqlType.VARCHAR, "table_type", SqlType.VARCHAR),
                        SystemTables::tables),
                "columns", new SystemTable(columns(
                        "table_catalog", SqlType.VARCHAR, "table_schema", SqlType.VARCHAR, "table_name", SqlType.VARCHAR,
                        "column_name", SqlType.VARCHAR, "ordinal_position", SqlType.INTEGER,
                        "column_default", SqlType.VARCHAR, "is_nullable", SqlType.VARCHAR, "data_type", SqlType.VARCHAR,
                        "character_maximum_length", SqlType.INTEGER, "numeric_precision", SqlType.INTEGER,
                        "numeric_scale", SqlType.INTEGER),
                        SystemTables::columns),
                "views", new SystemTable(columns(
                        "table_catalog", SqlType.VARCHAR, "table_schema", SqlType.VARCHAR,
                        "table_name", SqlType.VARCHAR, "view_definition", SqlType.VARCHAR),
                        SystemTables::views));
    }

    private static List<List<Object>> views(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (ViewDefinition view : catalog.views()) {
            rows.add(Arrays.asList(DATABASE, view.schema(), view.name(), view.sql()));
        }
        return rows;
    }

    public static Map<String, SystemTable> pgCatalog() {
        return Map.of(
                "pg_table_def", new SystemTable(columns(
                        "schemaname", SqlType.VARCHAR, "tablename", SqlType.VARCHAR, "column", SqlType.VARCHAR,
                        "type", SqlType.VARCHAR, "encoding", SqlType.VARCHAR, "distkey", SqlType.BOOLEAN,
                        "sortkey", SqlType.INTEGER, "notnull", SqlType.BOOLEAN),
                        SystemTables::tableDef));
    }

    private static List<SystemTable.Column> columns(Object... nameTypePairs) {
        List<SystemTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.add(new SystemTable.Column((String) nameTypePairs[i], (SqlType) nameTypePairs[i + 1]));
        }
        return columns;
    }

    private static List<List<Object>> schemata(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : catalog.schemas()) {
            rows.add(Arrays.asList(DATABASE, schema, OWNER));
        }
        rows.add(Arrays.asList(DATABASE, "information_schema", OWNER));
        rows.add(Arrays.asList(DATABASE, "pg_catalog", OWNER));
        return rows;
    }

    private static List<List<Object>> tables(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition table : catalog.tables()) {
            rows.add(Arrays.asList(DATABASE, table.schema(), table.name(), "BASE TABLE"));
        }
        for (ViewDefinition view : catalog.views()) {
            rows.add(Arrays.asList(DATABASE, view.schema(), view.name(), "VIEW"));
        }
        informationSchema().keySet().stream().sorted().forEach(name ->
                rows.add(Arrays.asList(DATABASE, "information_schema", name, "VIEW")));
        pgCatalog().keySet().stream().sorted().forEach(name ->
                rows.add(Arrays.asList(DATABASE, "pg_catalog", name, "VIEW")));
        return rows;
    }

    private static List<List<Object>> columns(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition table : catalog.tables()) {
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDefinition column = table.columns().get(i);
                SqlType type = column.type();
                Long length = switch (type) {
                    case SqlType.CharType c -> (long) c.length();
                    case SqlType.VarcharType v -> (long) v.maxBytes();
                    default -> null;
                };
                Long precision = switch (type) {
                    case SqlType.SmallIntType t -> 16L;
                    case SqlType.IntegerType t -> 32L;
                    case SqlType.BigIntType t -> 64L;
                    case SqlType.DecimalType d -> (long) d.precision();
                    case SqlType.RealType t -> 24L;
                    case SqlType.DoubleType t -> 53L;
                    default -> null;
                };
                Long scale = switch (type) {
                    case SqlType.DecimalType d -> (long) d.scale();
                    case SqlType.SmallIntType t -> 0L;
                    case SqlType.IntegerType t -> 0L;
                    case SqlType.BigIntType t -> 0L;
                    default -> null;
                };
                rows.add(Arrays.asList(DATABASE, table.schema(), table.name(), column.name(), (long) (i + 1),
                        column.defaultSql(), column.nullable() ? "YES" : "NO", dataType(type), length, precision, scale));
            }
        }
        return rows;
    }

    /** information_schema.columns.data_type: the type name without length or precision. */
    private static String dataType(SqlType type) {
        return switch (type) {
            case SqlType.DecimalType d -> "numeric";
            case SqlType.CharType c -> "character";
            case SqlType.VarcharType v -> "character varying";
            default -> type.displayName();
        };
    }

    private static List<List<Object>> tableDef(CatalogSnapshot catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition table : catalog.tables()) {
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDefinition column = table.columns().get(i);
                int sortPosition = table.sortKey().indexOf(i) + 1;
                Encoding encoding = column.encoding() == null ? Encoding.AUTO : column.encoding();
                boolean distKey = table.distStyle() == DistStyle.KEY && table.distKey() == i;
                rows.add(Arrays.asList(table.schema(), table.name(), column.name(), column.type().displayName(),
                        encodingName(encoding), distKey, (long) sortPosition, !column.nullable()));
            }
        }
        return rows;
    }

    /**
     * pg_table_def.encoding as Redshift spells it: RAW shows as "none", and LZ4 (which serves ENCODE LZO)
     * as "lzo", so scripts that read the catalog see the names they wrote.
     */
    static String encodingName(Encoding encoding) {
        return switch (encoding) {
            case RAW -> "none";
            case LZ4 -> "lzo";
            case RUNLENGTH, DELTA, DELTA32K, MOSTLY8, MOSTLY16, MOSTLY32, BYTEDICT, AZ64, ZSTD, TEXT255, TEXT32K, AUTO ->
                    encoding.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
