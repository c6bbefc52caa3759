package io.cepheid.server;

import io.cepheid.planner.PlannedQuery;
import io.cepheid.planner.QueryPlanner;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.ddl.TableDefinitions;
import io.cepheid.planner.parse.SqlAlterTable;
import io.cepheid.planner.parse.SqlAnalyze;
import io.cepheid.planner.parse.SqlCopy;
import io.cepheid.planner.parse.SqlCreateIndex;
import io.cepheid.planner.parse.SqlCreateSchema;
import io.cepheid.planner.parse.SqlCreateTable;
import io.cepheid.planner.parse.SqlCreateTableAs;
import io.cepheid.planner.parse.SqlDropIndex;
import io.cepheid.planner.parse.CepheidParser;
import io.cepheid.planner.parse.SqlCreateView;
import io.cepheid.planner.parse.SqlDropTable;
import io.cepheid.planner.parse.SqlDropView;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.ViewDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs DDL and utility statements, each in its own transaction or in the session's open transaction block
 * (see {@link LeaderSession#write}): CREATE/DROP TABLE, CREATE TABLE AS, CREATE [OR REPLACE] / DROP VIEW,
 * CREATE SCHEMA, COPY, ALTER TABLE, ANALYZE, ANALYZE COMPRESSION; CREATE/DROP INDEX are accepted and ignored (a
 * warehouse has no indexes).
 */
final class DdlExecutor {
    private final Engine engine;
    private final SessionSettings settings;
    private final LeaderSession session;
    private final CopyCommand copy;
    private final AlterTableCommand alterTable;
    private final AnalyzeCommand analyze;

    DdlExecutor(Engine engine, SessionSettings settings, LeaderSession session) {
        this.engine = engine;
        this.settings = settings;
        this.session = session;
        this.analyze = new AnalyzeCommand(settings, session);
        this.copy = new CopyCommand(engine, settings, session, analyze);
        this.alterTable = new AlterTableCommand(settings, session);
    }

    StatementResult execute(SqlNode node, List<Object> parameters) {
        return switch (node) {
            case SqlCreateTable create -> createTable(create);
            case SqlCreateTableAs create -> createTableAs(create, parameters);
            case SqlDropTable drop -> dropTable(drop);
            case SqlCreateView create -> createView(create, parameters);
            case SqlDropView drop -> dropView(drop);
            case SqlCreateSchema create -> createSchema(create);
            case SqlCopy copyStatement -> copy.execute(copyStatement);
            case SqlCreateIndex index -> new StatementResult.Done("CREATE INDEX");
            case SqlDropIndex index -> new StatementResult.Done("DROP INDEX");
            case SqlAlterTable alter -> alterTable.execute(alter);
            case SqlAnalyze analyze when analyze.compression() ->
                    CompressionReport.run(analyze, session.snapshot(), settings.searchSchema(), settings.queryMemoryLimit());
            case SqlAnalyze analyzeStatement -> analyze.execute(analyzeStatement);
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "statement not supported yet: " + node.getKind().lowerName.replace('_', ' '));
        };
    }

    private StatementResult createTable(SqlCreateTable create) {
        TableDefinition definition = TableDefinitions.fromCreateTable(create, settings.searchSchema());
        session.write(transaction -> {
            if (!create.ifNotExists() || transaction.view().table(definition.schema(), definition.name()).isEmpty()) {
                transaction.createTable(definition);
            }
            return null;
        });
        return new StatementResult.Done("CREATE TABLE");
    }

    private StatementResult createTableAs(SqlCreateTableAs create, List<Object> parameters) {
        return session.write(transaction -> {
            QualifiedName name = QualifiedName.of(create.name(), settings.searchSchema());
            if (transaction.view().table(name.schema(), name.table()).isPresent()) {
                if (create.ifNotExists()) {
                    return new StatementResult.Done("CREATE TABLE AS");
                }
                throw new CepheidException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name.table() + "\" already exists");
            }
            PlannedQuery query = new QueryPlanner(transaction.view(), settings.searchSchema(), engine.history())
                    .planQuery(create.query(), parameters);
            List<String> names = new ArrayList<>(query.columnNames());
            if (create.columnNames() != null && create.columnNames().size() > 0) {
                if (create.columnNames().size() != names.size()) {
                    throw new CepheidException(ErrorCode.SYNTAX_ERROR, "CREATE TABLE AS lists " + create.columnNames().size()
                            + " column names but the query returns " + names.size() + " columns");
                }
                for (int i = 0; i < names.size(); i++) {
                    names.set(i, ((SqlIdentifier) create.columnNames().get(i)).getSimple());
                }
            }
            TableDefinition definition = TableDefinitions.fromQuery(create.name(), settings.searchSchema(), names,
                    query.columnTypes(), create.attributes());
            transaction.createTable(definition);
            long rows = session.runInto(query.plan(), transaction.view(),
                    transaction.appender(definition.schema(), definition.name()));
            return new StatementResult.UpdateCount(rows, "SELECT " + rows);
        });
    }

    private StatementResult dropTable(SqlDropTable drop) {
        session.write(transaction -> {
            for (SqlNode node : drop.names()) {
                QualifiedName name = QualifiedName.of((SqlIdentifier) node, settings.searchSchema());
                if (transaction.view().table(name.schema(), name.table()).isEmpty()) {
                    if (transaction.view().view(name.schema(), name.table()).isPresent()) {
                        throw new CepheidException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.table()
                                + "\" is not a table; use DROP VIEW to remove a view");
                    }
                    if (drop.ifExists()) {
                        continue;
                    }
                    throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "table \"" + name.table() + "\" does not exist");
                }
                transaction.dropTable(name.schema(), name.table());
            }
            return null;
        });
        return new StatementResult.Done("DROP TABLE");
    }

    /**
     * Plans the query once, to check it and fix the view's column names and types, and stores its SQL text;
     * queries that read the view expand that text (see CepheidView).
     */
    private StatementResult createView(SqlCreateView create, List<Object> parameters) {
        QualifiedName name = QualifiedName.of(create.name(), settings.searchSchema());
        String sql = CepheidParser.toSql(create.query());
        return session.write(transaction -> {
            if (create.ifNotExists() && (transaction.view().view(name.schema(), name.table()).isPresent()
                    || transaction.view().table(name.schema(), name.table()).isPresent())) {
                return new StatementResult.Done("CREATE VIEW");
            }
            if (transaction.view().table(name.schema(), name.table()).isPresent()) {
                throw new CepheidException(create.orReplace() ? ErrorCode.WRONG_OBJECT_TYPE : ErrorCode.DUPLICATE_TABLE,
                        "\"" + name.table() + (create.orReplace() ? "\" is not a view" : "\" already exists"));
            }
            PlannedQuery query = new QueryPlanner(transaction.view(), settings.searchSchema())
                    .planQuery(create.query(), parameters);
            int declared = create.columnNames().size();
            if (declared > query.columnNames().size()) {
                throw new CepheidException(ErrorCode.SYNTAX_ERROR, "CREATE VIEW specifies more column names ("
                        + declared + ") than the query returns (" + query.columnNames().size() + ")");
            }
            List<ColumnDefinition> columns = new ArrayList<>();
            for (int i = 0; i < query.columnNames().size(); i++) {
                String column = i < declared
                        ? ((SqlIdentifier) create.columnNames().get(i)).getSimple().toLowerCase(Locale.ROOT)
                        : query.columnNames().get(i);
                if (columns.stream().anyMatch(c -> c.name().equals(column))) {
                    throw new CepheidException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
                }
                columns.add(new ColumnDefinition(column, query.columnTypes().get(i), query.nullable().get(i), null, null));
            }
            transaction.createView(new ViewDefinition(name.schema(), name.table(), sql, columns), create.orReplace());
            return new StatementResult.Done("CREATE VIEW");
        });
    }

    private StatementResult dropView(SqlDropView drop) {
        session.write(transaction -> {
            for (SqlNode node : drop.names()) {
                QualifiedName name = QualifiedName.of((SqlIdentifier) node, settings.searchSchema());
                if (transaction.view().view(name.schema(), name.table()).isEmpty()) {
                    if (transaction.view().table(name.schema(), name.table()).isPresent()) {
                        throw new CepheidException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.table()
                                + "\" is not a view; use DROP TABLE to remove a table");
                    }
                    if (drop.ifExists()) {
                        continue;
                    }
                    throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "view \"" + name.table() + "\" does not exist");
                }
                transaction.dropView(name.schema(), name.table());
            }
            return null;
        });
        return new StatementResult.Done("DROP VIEW");
    }

    private StatementResult createSchema(SqlCreateSchema create) {
        String name = create.name().getSimple().toLowerCase(Locale.ROOT);
        session.write(transaction -> {
            if (transaction.view().schemas().contains(name)) {
                if (create.ifNotExists()) {
                    return null;
                }
                throw new CepheidException(ErrorCode.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
            }
            transaction.createSchema(name);
            return null;
        });
        return new StatementResult.Done("CREATE SCHEMA");
    }
}
