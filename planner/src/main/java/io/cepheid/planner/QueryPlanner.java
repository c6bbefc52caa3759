package io.cepheid.planner;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.planner.catalog.CalciteCatalog;
import io.cepheid.planner.catalog.CepheidTable;
import io.cepheid.planner.catalog.QueryLog;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.dml.RowChangeQueries;
import io.cepheid.planner.parse.CepheidParser;
import io.cepheid.planner.physical.RelToPlan;
import io.cepheid.planner.metadata.CepheidMetadata;
import io.cepheid.planner.rule.LogicalOptimizer;
import io.cepheid.planner.validate.CepheidTypeSystem;
import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.planner.validate.ValidationErrors;
import io.cepheid.planner.validate.Validators;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.rel.core.RelFactories;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Validates a parsed statement against one catalog version and turns it into an executor plan:
 * SqlNode → validated SqlNode → logical RelNode → rewritten RelNode → {@link PlanSpec}. Calcite only
 * plans; Cepheid's operators run the result. One instance per statement.
 */
public final class QueryPlanner {
    private final CatalogSnapshot catalog;
    /** Strings are UTF-8 (Calcite's default, ISO-8859-1, cannot hold a literal such as '€'). */
    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(CepheidTypeSystem.INSTANCE) {
        @Override
        public java.nio.charset.Charset getDefaultCharset() {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    };
    private final CalciteCatalogReader catalogReader;
    private final SqlValidator validator;
    private final RelOptCluster cluster;
    /** Views being expanded, nested: a view whose query (after CREATE OR REPLACE) reads itself never ends. */
    private int viewDepth;
    private static final int MAX_VIEW_DEPTH = 64;

    public QueryPlanner(CatalogSnapshot catalog, String currentSchema) {
        this(catalog, currentSchema, QueryLog.EMPTY, null);
    }

    /** A planner whose query-history system tables (stl_query, ...) read {@code queryLog}. */
    public QueryPlanner(CatalogSnapshot catalog, String currentSchema, QueryLog queryLog) {
        this(catalog, currentSchema, queryLog, null);
    }

    /** A planner for a DELETE or UPDATE of {@code target}, which then shows its hidden row-id column. */
    public static QueryPlanner forRowChanges(CatalogSnapshot catalog, String currentSchema, QualifiedName target) {
        return new QueryPlanner(catalog, currentSchema, QueryLog.EMPTY, target);
    }

    private QueryPlanner(CatalogSnapshot catalog, String currentSchema, QueryLog queryLog, QualifiedName rowIdTable) {
        this.catalog = catalog;
        CalciteSchema root = rowIdTable == null ? CalciteCatalog.rootSchema(catalog, queryLog, null, null)
                : CalciteCatalog.rootSchema(catalog, queryLog, rowIdTable.schema(), rowIdTable.table());
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
        // Unqualified names resolve in the current schema, then pg_catalog, as on PostgreSQL and Redshift.
        this.catalogReader = new CalciteCatalogReader(root, SqlNameMatchers.withCaseSensitive(false),
                List.of(List.of(currentSchema), List.of("pg_catalog"), List.of()), typeFactory, config) {
        };
        this.validator = Validators.create(catalogReader, typeFactory);
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        // Constant folding keeps text cast to DECIMAL / TIMESTAMP / TIME exact (Calcite's runtime would not).
        planner.setExecutor(new io.cepheid.planner.rule.ExactLiteralCasts());
        this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        CepheidMetadata.install(cluster);
    }

    /** Plans a query (SELECT, VALUES, set operations, WITH). */
    public PlannedQuery planQuery(SqlNode query, List<Object> parameters) {
        // Named before validation, which rewrites calls in place (COALESCE becomes CASE).
        List<String> writtenNames = ResultColumnNames.of(query);
        RelNode rel = toRel(query);
        PlannedQuery planned = plan(rel, parameters);
        if (writtenNames == null || writtenNames.size() != planned.columnNames().size()) {
            return planned;
        }
        List<String> labels = new ArrayList<>(planned.labels());
        for (int i = 0; i < labels.size(); i++) {
            if (isUnnamed(planned.columnNames().get(i))) {
                labels.set(i, writtenNames.get(i));
            }
        }
        return new PlannedQuery(planned.plan(), planned.columnNames(), planned.columnTypes(), planned.nullable(), labels);
    }

    /** Calcite names an unnamed expression {@code EXPR$n}. */
    private static boolean isUnnamed(String plannedName) {
        return plannedName.matches("EXPR\\$[0-9]+");
    }

    /** Plans INSERT ... VALUES / SELECT: the rows to append, cast to the target table's column types. */
    public PlannedInsert planInsert(SqlInsert insert, List<Object> parameters) {
        RelNode rel = toRel(insert);
        if (!(rel instanceof TableModify modify)) {
            throw new CepheidException(ErrorCode.INTERNAL_ERROR, "INSERT did not plan as a table modification");
        }
        CepheidTable table = modify.getTable().unwrap(CepheidTable.class);
        if (table == null) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot insert into " + String.join(".", modify.getTable().getQualifiedName()));
        }
        PlannedQuery source = plan(modify.getInput(), parameters);
        TableDefinition definition = table.definition();
        List<SqlType> targetTypes = definition.columns().stream().map(c -> c.type()).toList();
        PlanSpec rows = castColumns(source.plan(), targetTypes);
        return new PlannedInsert(definition, rows);
    }

    /** Rows for an INSERT: {@code rows} has exactly the table's columns, in order. */
    public record PlannedInsert(TableDefinition table, PlanSpec rows) {
    }

    /**
     * Plans DELETE: {@code rows} yields one BIGINT column, the row id of every row to delete. The planner
     * must come from {@link #forRowChanges} for the same table.
     */
    public PlannedRowChange planDelete(SqlDelete delete, TableDefinition table, List<Object> parameters) {
        PlannedQuery query = planQuery(RowChangeQueries.deleteQuery(delete), parameters);
        return new PlannedRowChange(table, query.plan());
    }

    /**
     * Plans UPDATE: {@code rows} yields the row id of every row to change, then the row's new values, one
     * column per table column in table order, already of the columns' types.
     */
    public PlannedRowChange planUpdate(SqlUpdate update, TableDefinition table, List<Object> parameters) {
        PlannedQuery query = planQuery(RowChangeQueries.updateQuery(update, table, typeFactory), parameters);
        List<SqlType> types = new ArrayList<>();
        types.add(SqlType.BIGINT);
        table.columns().forEach(c -> types.add(c.type()));
        return new PlannedRowChange(table, castColumns(query.plan(), types));
    }

    /** The rows a DELETE or UPDATE changes: see {@link #planDelete} and {@link #planUpdate}. */
    public record PlannedRowChange(TableDefinition table, PlanSpec rows) {
    }

    private RelNode toRel(SqlNode node) {
        try {
            SqlNode validated = validator.validate(node);
            SqlToRelConverter converter = converter(validator);
            RelRoot root = converter.convertQuery(validated, false, true);
            RelNode rel = root.project();
            RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
            RelNode optimized = LogicalOptimizer.optimize(rel, relBuilder);
            RelNode trimmed = LogicalOptimizer.afterTrimming(converter.trimUnusedFields(true, optimized));
            // The rewrite may drop the top projection that carried the select list's names, leaving an input's
            // (a join's uniquified sellerid0 for SELECT s.sellerid); put the validated names back.
            List<String> names = root.validatedRowType.getFieldNames();
            if (trimmed instanceof TableModify || trimmed.getRowType().getFieldCount() != names.size()
                    || trimmed.getRowType().getFieldNames().equals(names)) {
                return trimmed;
            }
            return relBuilder.push(trimmed).rename(names).build();
        } catch (CepheidException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e);
        }
    }

    private SqlToRelConverter converter(SqlValidator statementValidator) {
        return new SqlToRelConverter(this::expandView, statementValidator, catalogReader, cluster,
                StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config()
                        .withTrimUnusedFields(true)
                        .withExpand(false)
                        .withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    /** A view read by the statement: its stored SQL, parsed, validated and converted on its own. */
    private RelRoot expandView(RelDataType rowType, String sql, List<String> schemaPath, List<String> viewPath) {
        if (++viewDepth > MAX_VIEW_DEPTH) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, "view \"" + String.join(".", viewPath)
                    + "\" refers to itself or nests views more than " + MAX_VIEW_DEPTH + " deep");
        }
        try {
            SqlValidator viewValidator = Validators.create(catalogReader, typeFactory);
            SqlNode validated = viewValidator.validate(CepheidParser.parse(sql));
            return converter(viewValidator).convertQuery(validated, false, true);
        } finally {
            viewDepth--;
        }
    }

    private PlannedQuery plan(RelNode rel, List<Object> parameters) {
        PlanSpec plan = new RelToPlan(catalog, cluster.getRexBuilder(), parameters).convert(rel);
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            names.add(field.getName());
            types.add(TypeMapping.toSqlType(field.getType()));
            nullable.add(field.getType().isNullable());
        }
        plan = castColumns(plan, types);
        List<String> labels = names.stream().map(name -> isUnnamed(name) ? ResultColumnNames.UNNAMED : name).toList();
        return new PlannedQuery(plan, names, types, nullable, labels);
    }

    /** Adds a projection casting columns whose executor type differs from the declared one. */
    private static PlanSpec castColumns(PlanSpec plan, List<SqlType> types) {
        List<SqlType> actual = plan.outputTypes();
        if (actual.size() != types.size()) {
            throw new CepheidException(ErrorCode.INTERNAL_ERROR, "plan produces " + actual.size()
                    + " columns where " + types.size() + " are expected");
        }
        boolean needed = false;
        List<ExprSpec> expressions = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            ExprSpec column = new ExprSpec.InputRef(i, actual.get(i));
            if (!actual.get(i).equals(types.get(i))) {
                column = new ExprSpec.Call(io.cepheid.executor.expression.Function.CAST, List.of(column), types.get(i));
                needed = true;
            }
            expressions.add(column);
        }
        return needed ? new ProjectSpec(plan, expressions) : plan;
    }
}
