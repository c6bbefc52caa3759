package io.cepheid.server;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.util.List;

/**
 * A small result computed on the leader (EXPLAIN, ANALYZE COMPRESSION), handed out as one batch. Values are
 * Java objects by column type: String for VARCHAR, Long for BIGINT, BigDecimal for DECIMAL, null for NULL.
 */
final class LeaderRows {
    private LeaderRows() {
    }

    static StatementResult.Rows of(List<ResultColumn> columns, List<List<Object>> rows, String commandTag) {
        BufferAllocator allocator = BufferAllocator.unlimited("leader result");
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int c = 0; c < vectors.length; c++) {
            SqlType type = columns.get(c).type();
            vectors[c] = ColumnVector.allocate(allocator, type, Math.max(1, rows.size()));
            for (int r = 0; r < rows.size(); r++) {
                set(vectors[c], type, r, rows.get(r).get(c));
            }
        }
        Batch batch = new Batch(vectors, rows.size());
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
        return new StatementResult.Rows(columns, cursor, commandTag);
    }

    private static void set(ColumnVector vector, SqlType type, int row, Object value) {
        switch (value) {
            case null -> vector.setNull(row);
            case String text -> vector.setString(row, text);
            case Long number -> vector.setLong(row, number);
            case BigDecimal decimal when type instanceof SqlType.DecimalType d ->
                    vector.setLong(row, decimal.setScale(d.scale(), java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact());
            default -> throw new IllegalArgumentException("no " + type + " value from " + value.getClass().getSimpleName());
        }
    }
}
