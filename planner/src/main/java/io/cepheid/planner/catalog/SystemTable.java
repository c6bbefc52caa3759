package io.cepheid.planner.catalog;

import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;
import java.util.function.Function;

/**
 * A read-only table computed from the catalog version a query reads (information_schema, pg_catalog,
 * Redshift's system views). The planner turns a scan of it into literal rows.
 */
public final class SystemTable extends AbstractTable {
    /** One column: name and type; all system columns are nullable. */
    public record Column(String name, SqlType type) {
    }

    private final List<Column> columns;
    private final Function<CatalogSnapshot, List<List<Object>>> rows;

    public SystemTable(List<Column> columns, Function<CatalogSnapshot, List<List<Object>>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The rows, in the physical representation of {@link io.cepheid.executor.expression.ExprSpec.Literal}. */
    public List<List<Object>> rows(CatalogSnapshot catalog) {
        return rows.apply(catalog);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Column column : columns) {
            builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), true));
        }
        return builder.build();
    }
}
