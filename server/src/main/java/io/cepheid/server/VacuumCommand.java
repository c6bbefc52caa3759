package io.cepheid.server;

import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.parse.SqlVacuum;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.VacuumOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * VACUUM: one table, or every table of the database one after the other, each vacuumed and committed in a
 * transaction of its own (as Redshift does), so a later table's failure keeps the earlier tables' work.
 * Refused inside a transaction block (25001), as in Redshift. A concurrent commit to the table being
 * vacuumed makes the vacuum's commit fail with 40001, like any other write conflict. BOOST is accepted and
 * changes nothing: there is no workload manager to give the vacuum more resources.
 */
final class VacuumCommand {
    private final SessionSettings settings;
    private final LeaderSession session;

    VacuumCommand(SessionSettings settings, LeaderSession session) {
        this.settings = settings;
        this.session = session;
    }

    StatementResult execute(SqlVacuum vacuum, boolean inTransactionBlock) {
        if (inTransactionBlock) {
            throw new CepheidException(ErrorCode.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
        }
        VacuumOptions options = options(vacuum);
        for (QualifiedName table : tables(vacuum, session.snapshot())) {
            session.write(transaction -> {
                if (transaction.view().table(table.schema(), table.table()).isEmpty()) {
                    return null; // dropped since the list was taken: nothing left to vacuum
                }
                try (BufferAllocator allocator = session.newQueryAllocator()) {
                    return transaction.vacuum(table.schema(), table.table(), options, allocator);
                }
            });
        }
        return new StatementResult.Done("VACUUM");
    }

    private static VacuumOptions options(SqlVacuum vacuum) {
        int threshold = vacuum.thresholdPercent() == SqlVacuum.DEFAULT_THRESHOLD
                ? VacuumOptions.DEFAULT_THRESHOLD_PERCENT : vacuum.thresholdPercent();
        if (threshold > 100) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "VACUUM threshold must be between 0 and 100 percent, not " + threshold);
        }
        VacuumOptions.Mode mode = switch (vacuum.mode()) {
            case FULL -> VacuumOptions.Mode.FULL;
            case SORT_ONLY -> VacuumOptions.Mode.SORT_ONLY;
            case DELETE_ONLY -> VacuumOptions.Mode.DELETE_ONLY;
            case REINDEX -> VacuumOptions.Mode.REINDEX;
        };
        return new VacuumOptions(mode, threshold);
    }

    private List<QualifiedName> tables(SqlVacuum vacuum, CatalogSnapshot snapshot) {
        List<QualifiedName> tables = new ArrayList<>();
        if (vacuum.table() == null) {
            for (TableDefinition table : snapshot.tables()) {
                tables.add(new QualifiedName(table.schema(), table.name()));
            }
            return tables;
        }
        QualifiedName name = QualifiedName.of(vacuum.table(), settings.searchSchema());
        if (snapshot.table(name.schema(), name.table()).isEmpty()) {
            if (snapshot.view(name.schema(), name.table()).isPresent()) {
                throw new CepheidException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.table() + "\" is not a table");
            }
            throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name.table() + "\" does not exist");
        }
        tables.add(name);
        return tables;
    }
}
