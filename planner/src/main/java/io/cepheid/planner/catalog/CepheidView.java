package io.cepheid.planner.catalog;

import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.ViewDefinition;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

/**
 * A view as Calcite sees it: the columns fixed at CREATE VIEW, and, wherever a query reads it, its stored
 * SQL parsed, validated and converted in place ({@link RelOptTable.ToRelContext#expandView}), cast to those
 * columns' types in case the tables under it changed since.
 */
public final class CepheidView extends AbstractTable implements TranslatableTable {
    private final ViewDefinition definition;

    public CepheidView(ViewDefinition definition) {
        this.definition = definition;
    }

    public ViewDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDefinition column : definition.columns()) {
            builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
        }
        return builder.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelDataType rowType = relOptTable.getRowType();
        RelRoot root = context.expandView(rowType, definition.sql(), List.of(definition.schema()),
                List.of(definition.schema(), definition.name()));
        return RelOptUtil.createCastRel(root.project(), rowType, true);
    }
}
