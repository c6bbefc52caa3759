package io.cepheid.planner.catalog;

import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;

import java.util.List;

/**
 * A stored Cepheid table as Calcite's validator and optimizer see it: its columns and row count. The target
 * of a DELETE or UPDATE also shows a last, hidden column {@value #ROW_ID_COLUMN} (BIGINT): each row's
 * position, which the scan produces instead of reading a stored column.
 */
public final class CepheidTable extends AbstractTable implements Wrapper {
    public static final String ROW_ID_COLUMN = "__cepheid_row_id";

    private final TableSnapshot snapshot;
    private final boolean withRowId;

    public CepheidTable(TableSnapshot snapshot) {
        this(snapshot, false);
    }

    public CepheidTable(TableSnapshot snapshot, boolean withRowId) {
        this.snapshot = snapshot;
        this.withRowId = withRowId;
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
        if (withRowId) {
            builder.add(ROW_ID_COLUMN, TypeMapping.toRelDataType(typeFactory, SqlType.BIGINT, false));
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
