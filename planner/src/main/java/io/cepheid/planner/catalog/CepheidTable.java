package io.cepheid.planner.catalog;

import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.table.TableSnapshot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;

import java.util.List;

/** A stored Cepheid table as Calcite's validator and optimizer see it: its columns and row count. */
public final class CepheidTable extends AbstractTable implements Wrapper {
    private final TableSnapshot snapshot;

    public CepheidTable(TableSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public TableDefinition definition() {
        return snapshot.definition();
    }

    public TableSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDefinition column : definition().columns()) {
            builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        // Row count drives join order and build-side choice; at least 1 so costs stay non-zero.
        return Statistics.of(Math.max(1, snapshot.rowCount()), List.of());
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == InitializerExpressionFactory.class) {
            return type.cast(new ColumnDefaults(definition()));
        }
        return null;
    }
}
