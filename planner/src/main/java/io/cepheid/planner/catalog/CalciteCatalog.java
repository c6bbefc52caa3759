package io.cepheid.planner.catalog;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.ViewDefinition;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Builds the Calcite schema tree for one catalog version: user schemas (tables and views) plus information_schema and pg_catalog. */
public final class CalciteCatalog {
    private CalciteCatalog() {
    }

    public static CalciteSchema rootSchema(CatalogSnapshot catalog) {
        return rootSchema(catalog, QueryLog.EMPTY, null, null);
    }

    /**
     * The schema tree with table {@code rowIdSchema.rowIdTable} (the target of a DELETE or UPDATE, both null for
     * none) showing its hidden row-id column, and Redshift's system tables in pg_catalog; those that show query
     * history read {@code queryLog} once, on first use, so every system table of one statement sees the same
     * statements.
     */
    public static CalciteSchema rootSchema(CatalogSnapshot catalog, QueryLog queryLog, String rowIdSchema,
                                           String rowIdTable) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        Map<String, Map<String, Table>> bySchema = new HashMap<>();
        for (String schema : catalog.schemas()) {
            bySchema.put(schema, new HashMap<>());
        }
        for (TableDefinition definition : catalog.tables()) {
            catalog.table(definition.schema(), definition.name()).ifPresent(snapshot ->
                    bySchema.computeIfAbsent(definition.schema(), s -> new HashMap<>())
                            .put(definition.name(), new CepheidTable(snapshot,
                                    definition.schema().equals(rowIdSchema) && definition.name().equals(rowIdTable))));
        }
        for (ViewDefinition view : catalog.views()) {
            bySchema.computeIfAbsent(view.schema(), s -> new HashMap<>()).put(view.name(), new CepheidView(view));
        }
        bySchema.forEach((name, tables) -> root.add(name, new FixedSchema(tables)));
        root.add("information_schema", new FixedSchema(new HashMap<>(SystemTables.informationSchema())));
        Map<String, Table> pgCatalog = new HashMap<>(SystemTables.pgCatalog());
        pgCatalog.putAll(RedshiftSystemTables.all(once(queryLog)));
        root.add("pg_catalog", new FixedSchema(pgCatalog));
        return root;
    }

    private static QueryLog once(QueryLog log) {
        AtomicReference<List<QueryLog.LoggedQuery>> read = new AtomicReference<>();
        return () -> read.updateAndGet(queries -> queries == null ? log.queries() : queries);
    }

    /** A schema whose tables are known up front. */
    private static final class FixedSchema extends AbstractSchema {
        private final Map<String, Table> tables;

        FixedSchema(Map<String, Table> tables) {
            this.tables = tables;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }
    }
}
