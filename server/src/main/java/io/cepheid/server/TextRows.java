package io.cepheid.server;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/** A one-column text result built on the leader (EXPLAIN output, SHOW). */
final class TextRows {
    private TextRows() {
    }

    static StatementResult.Rows of(String columnName, List<String> lines, String commandTag) {
        BufferAllocator allocator = BufferAllocator.unlimited("text result");
        ColumnVector column = ColumnVector.allocate(allocator, SqlType.VARCHAR, Math.max(1, lines.size()));
        for (int i = 0; i < lines.size(); i++) {
            column.setString(i, lines.get(i));
        }
        Batch batch = new Batch(new ColumnVector[]{column}, lines.size());
        ResultCursor cursor = new ResultCursor() {
            private Batch pending = batch;

            @Override
            public Batch next() {
                Batch next = pending;
                pending = null;
                return next;
            }

            @Override
            public void close() {
                if (pending != null) {
                    pending.close();
                    pending = null;
                }
                allocator.close();
            }
        };
        return new StatementResult.Rows(List.of(new ResultColumn(columnName, SqlType.VARCHAR, false)), cursor, commandTag);
    }
}
