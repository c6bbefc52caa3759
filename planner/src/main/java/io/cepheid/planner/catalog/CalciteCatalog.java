package io.cepheid.planner.catalog;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.ViewDefinition;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.HashMap;
import java.util.Map;

/** Builds the Calcite schema tree for one catalog version: user schemas (tables and views) plus information_schema and pg_catalog. */
public final class CalciteCatalog {
    private CalciteCatalog() {
    }

    public static CalciteSchema rootSchema(CatalogSnapshot catalog) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        Map<String, Map<String, Table>> bySchema = new HashMap<>();
        for (String schema : catalog.schemas()) {
            bySchema.put(schema, new HashMap<>());
        }
        for (TableDefinition definition : catalog.tables()) {
            catalog.table(definition.schema(), definition.name()).ifPresent(snapshot ->
                    bySchema.computeIfAbsent(definition.schema(), s -> new HashMap<>())
                            .put(definition.name(), new CepheidTable(snapshot)));
        }
        for (ViewDefinition view : catalog.views()) {
            bySchema.computeIfAbsent(view.schema(), s -> new HashMap<>()).put(view.name(), new CepheidView(view));
        }
        bySchema.forEach((name, tables) -> root.add(name, new FixedSchema(tables)));
        root.add("information_schema", new FixedSchema(new HashMap<>(SystemTables.informationSchema())));
        root.add("pg_catalog", new FixedSchema(new HashMap<>(SystemTables.pgCatalog())));
        return root;
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
