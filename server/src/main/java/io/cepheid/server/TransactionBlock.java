package io.cepheid.server;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.catalog.Warehouse;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.vector.Batch;

import java.util.function.Function;

/**
 * A session's transaction state, as PostgreSQL keeps it: outside a block every statement runs in a
 * transaction of its own and commits; BEGIN opens a block whose statements share one storage
 * {@link Transaction} (one pinned catalog version plus the block's own uncommitted writes) until COMMIT
 * or ROLLBACK; an error inside a block fails it, and it then refuses every statement with 25P02 until
 * the client ends it (COMMIT of a failed block rolls back, as in PostgreSQL).
 */
final class TransactionBlock implements AutoCloseable {
    private final Warehouse warehouse;
    private Transaction open;
    private boolean failed;

    TransactionBlock(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    Session.TransactionState state() {
        if (open == null) {
            return Session.TransactionState.IDLE;
        }
        return failed ? Session.TransactionState.FAILED : Session.TransactionState.IN_BLOCK;
    }

    /** BEGIN; inside a block it changes nothing (PostgreSQL only warns). */
    StatementResult begin() {
        if (open == null) {
            open = warehouse.begin();
            failed = false;
        }
        return new StatementResult.Done("BEGIN");
    }

    /** COMMIT: makes the block's writes visible, or fails with 40001 and discards them. Ends the block either way. */
    StatementResult commit() {
        if (open == null) {
            return new StatementResult.Done("COMMIT");
        }
        if (failed) {
            end();
            return new StatementResult.Done("ROLLBACK");
        }
        try {
            open.commit();
        } finally {
            end();
        }
        return new StatementResult.Done("COMMIT");
    }

    StatementResult rollback() {
        end();
        return new StatementResult.Done("ROLLBACK");
    }

    /** Refuses statements while the block is failed. */
    void checkUsable() {
        if (failed) {
            throw new CepheidException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    /** Records that a statement of the block failed; outside a block there is nothing to fail. */
    void statementFailed() {
        if (open != null) {
            failed = true;
        }
    }

    /** What a query reads: the latest version, or inside a block its pinned version with its own writes. */
    CatalogSnapshot snapshot() {
        return open == null ? warehouse.snapshot() : open.view();
    }

    /**
     * Runs a writing statement: inside a block in the block's transaction (committed with the block),
     * otherwise in a new transaction that commits when {@code work} returns.
     */
    <T> T write(Function<Transaction, T> work) {
        if (open != null) {
            return work.apply(open);
        }
        try (Transaction transaction = warehouse.begin()) {
            T result = work.apply(transaction);
            transaction.commit();
            return result;
        }
    }

    /** A query's rows; inside a block an error while reading them fails the block. */
    ResultCursor guard(ResultCursor cursor) {
        if (open == null) {
            return cursor;
        }
        return new ResultCursor() {
            @Override
            public Batch next() {
                try {
                    return cursor.next();
                } catch (RuntimeException e) {
                    statementFailed();
                    throw e;
                }
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** Discards an open block (the session ends). */
    @Override
    public void close() {
        end();
    }

    private void end() {
        Transaction ending = open;
        open = null;
        failed = false;
        if (ending != null) {
            ending.close();
        }
    }
}
