package io.cepheid.server;

import io.cepheid.planner.QueryPlanner;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.dml.RowChangeQueries;
import io.cepheid.planner.parse.SqlTruncateTable;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

import java.util.Arrays;
import java.util.List;

/**
 * Runs DELETE, UPDATE and TRUNCATE. DELETE and UPDATE plan their WHERE as a query over the table's
 * hidden row-id column ({@link QueryPlanner#forRowChanges}), collect the ids of the matching rows, and
 * mark them deleted in the transaction; UPDATE also appends each row's new version, so the old versions'
 * delete vectors and the new row groups commit together. DELETE ... USING and UPDATE ... FROM join the
 * target to their source list in that query ({@link RowChangeQueries}).
 */
final class RowChangeCommand {
    private final SessionSettings settings;
    private final LeaderSession session;

    RowChangeCommand(SessionSettings settings, LeaderSession session) {
        this.settings = settings;
        this.session = session;
    }

    StatementResult delete(SqlDelete delete, List<Object> parameters) {
        return session.write(transaction -> {
            CatalogSnapshot view = transaction.view();
            QualifiedName name = target(delete.getTargetTable());
            TableDefinition table = requireTable(view, name).definition();
            QueryPlanner.PlannedRowChange planned = QueryPlanner.forRowChanges(view, settings.searchSchema(), name)
                    .planDelete(delete, table, parameters);
            RowIds ids = new RowIds();
            session.forEachBatch(planned.rows(), view, ids::add);
            long deleted = transaction.delete(name.schema(), name.table(), ids.values, ids.count);
            return new StatementResult.UpdateCount(deleted, "DELETE " + deleted);
        });
    }

    /**
     * Appends the new row versions while collecting the old ones' ids, then deletes those. An AUTO table
     * still stored as ALL could be redistributed by the appends, which renumbers its rows: it deletes first
     * and then runs the query a second time over the same (immutable) version for the new rows.
     */
    StatementResult update(SqlUpdate update, List<Object> parameters) {
        return session.write(transaction -> {
            CatalogSnapshot view = transaction.view();
            QualifiedName name = target(update.getTargetTable());
            TableSnapshot snapshot = requireTable(view, name);
            TableDefinition table = snapshot.definition();
            QueryPlanner.PlannedRowChange planned = QueryPlanner.forRowChanges(view, settings.searchSchema(), name)
                    .planUpdate(update, table, parameters);
            boolean mayRedistribute = table.distStyle() == DistStyle.AUTO && snapshot.storedDistStyle() == DistStyle.ALL;
            boolean mayRepeat = RowChangeQueries.mayMatchRepeatedly(update);
            RowIds ids = new RowIds();
            if (mayRedistribute) {
                session.forEachBatch(planned.rows(), view, ids::add);
                if (mayRepeat) {
                    ids.requireDistinct();
                }
                transaction.delete(name.schema(), name.table(), ids.values, ids.count);
                TableAppender appender = transaction.appender(name.schema(), name.table());
                session.forEachBatch(planned.rows(), view, batch -> appender.append(newValues(batch)));
            } else {
                TableAppender appender = transaction.appender(name.schema(), name.table());
                session.forEachBatch(planned.rows(), view, batch -> {
                    ids.add(batch);
                    appender.append(newValues(batch));
                });
                if (mayRepeat) {
                    ids.requireDistinct(); // the appended versions are discarded with the failed transaction
                }
                transaction.delete(name.schema(), name.table(), ids.values, ids.count);
            }
            return new StatementResult.UpdateCount(ids.count, "UPDATE " + ids.count);
        });
    }

    StatementResult truncate(SqlTruncateTable truncate) {
        return session.write(transaction -> {
            QualifiedName name = target(truncate.name());
            requireTable(transaction.view(), name);
            transaction.truncate(name.schema(), name.table());
            return new StatementResult.Done("TRUNCATE TABLE");
        });
    }

    private QualifiedName target(SqlNode table) {
        if (!(table instanceof SqlIdentifier identifier)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot change rows of " + table);
        }
        return QualifiedName.of(identifier, settings.searchSchema());
    }

    private static TableSnapshot requireTable(CatalogSnapshot view, QualifiedName name) {
        return view.table(name.schema(), name.table()).orElseThrow(() -> new CepheidException(
                ErrorCode.UNDEFINED_TABLE, "relation \"" + name.table() + "\" does not exist"));
    }

    /** The batch's columns after the row id: an UPDATE's new row, sharing the batch's vectors and selection. */
    private static Batch newValues(Batch batch) {
        ColumnVector[] columns = Arrays.copyOfRange(batch.columns(), 1, batch.columnCount());
        Batch values = new Batch(columns, batch.rowCount());
        if (batch.selection() != null) {
            values.setSelection(batch.selection(), batch.size());
        }
        return values;
    }

    /** Row ids from column 0 of the batches a DELETE or UPDATE query yields. */
    private static final class RowIds {
        long[] values = new long[1024];
        int count;

        void add(Batch batch) {
            ColumnVector column = batch.column(0);
            int size = batch.size();
            if (count + size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, count + size));
            }
            for (int i = 0; i < size; i++) {
                values[count++] = column.getLong(batch.row(i));
            }
        }

        /**
         * Fails with 21000 when an id came twice: an UPDATE ... FROM whose condition joins a target row to
         * several source rows would otherwise write one version per match. Sorting a copy costs about
         * n log n over 8-byte ids, small next to writing the n new row versions.
         */
        void requireDistinct() {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new CepheidException(ErrorCode.CARDINALITY_VIOLATION,
                            "more than one source row matches target row of UPDATE ... FROM; make the FROM"
                                    + " list and WHERE condition match each target row at most once");
                }
            }
        }
    }
}
