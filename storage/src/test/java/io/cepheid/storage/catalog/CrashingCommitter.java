package io.cepheid.storage.catalog;

import io.cepheid.storage.type.SqlType;

import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link CrashRecoveryTest} kills: opens the warehouse in {@code args[0]} and commits forever,
 * each commit appending the next {@value #ROWS_PER_COMMIT} ids to two tables at once (one EVEN, one KEY
 * with a sort key). Prints {@code committed} once after its first commit so the test knows it is running.
 */
public final class CrashingCommitter {
    static final int ROWS_PER_COMMIT = 300;

    private CrashingCommitter() {
    }

    static TableDefinition evenTable() {
        return TestTables.simple("public", "even_rows");
    }

    static TableDefinition keyTable() {
        return TestTables.table("public", "key_rows", DistStyle.KEY, 0, List.of(1, 0),
                TestTables.column("id", SqlType.BIGINT), TestTables.column("name", new SqlType.VarcharType(20)));
    }

    public static void main(String[] args) {
        try (Warehouse warehouse = LocalWarehouse.open(Path.of(args[0]), 3)) {
            boolean announced = false;
            while (true) {
                CatalogSnapshot snapshot = warehouse.snapshot();
                try (Transaction transaction = warehouse.begin()) {
                    if (snapshot.table("public", "even_rows").isEmpty()) {
                        transaction.createTable(evenTable());
                        transaction.createTable(keyTable());
                    }
                    long from = transaction.view().table("public", "even_rows").orElseThrow().rowCount();
                    TestTables.append(transaction, evenTable(), TestTables.rows(from, from + ROWS_PER_COMMIT));
                    TestTables.append(transaction, keyTable(), TestTables.rows(from, from + ROWS_PER_COMMIT));
                    transaction.commit();
                }
                if (!announced) {
                    System.out.println("committed");
                    System.out.flush();
                    announced = true;
                }
            }
        }
    }
}
