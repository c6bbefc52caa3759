package io.cepheid.planner.catalog;

import io.cepheid.planner.metadata.DeclaredKeys;
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
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stored Cepheid table as Calcite's validator and optimizer see it: its columns, row count and keys. The target
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

    /**
     * The row count, which drives join order and build-side choice (at least 1 so costs stay non-zero), and
     * the unique keys it declares (PRIMARY KEY, UNIQUE). Like Redshift we trust declared keys without
     * enforcing them. Columns whose distinct estimate merely matches the row count are
     * not reported: Calcite takes a key as proof (it may remove a self-join on one), and a HyperLogLog estimate
     * within a few percent is no proof; PlanEstimates uses the distinct counts for sizes instead.
     */
    @Override
    public Statistic getStatistic() {
        return Statistics.of(Math.max(1, snapshot.rowCount()), DeclaredKeys.keys(definition()));
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
