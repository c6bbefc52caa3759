package io.cepheid.planner.catalog;

import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * Supplies a column's DEFAULT when INSERT leaves it out: the declared expression (kept as SQL text in the
 * catalog), else NULL; NOT NULL columns without a default must be given.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
    private final TableDefinition table;

    ColumnDefaults(TableDefinition table) {
        this.table = table;
    }

    @Override
    public ColumnStrategy generationStrategy(RelOptTable relTable, int column) {
        if (column == table.columns().size()) {
            return ColumnStrategy.NOT_NULLABLE; // a DML target's hidden row id, never inserted into
        }
        ColumnDefinition definition = table.columns().get(column);
        if (definition.defaultSql() != null) {
            return ColumnStrategy.DEFAULT;
        }
        return definition.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable relTable, int column, InitializerContext context) {
        ColumnDefinition definition = table.columns().get(column);
        if (definition.defaultSql() == null) {
            return super.newColumnDefaultValue(relTable, column, context);
        }
        SqlNode expression;
        try {
            expression = SqlParser.create(definition.defaultSql(), SqlParser.config()).parseExpression();
        } catch (SqlParseException e) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "DEFAULT of column " + definition.name() + " cannot be parsed: " + definition.defaultSql(), e);
        }
        RexNode value = context.convertExpression(expression);
        return context.getRexBuilder().makeCast(
                TypeMapping.toRelDataType(context.getRexBuilder().getTypeFactory(), definition.type(), definition.nullable()),
                value, true, false);
    }
}
