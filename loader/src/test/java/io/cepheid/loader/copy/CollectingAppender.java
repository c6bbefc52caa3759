package io.cepheid.loader.copy;

import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.vector.Batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written appender for tests: copies every appended row into Java objects (the batch is reused). */
final class CollectingAppender implements TableAppender {
    private final List<List<Object>> rows = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger batches = new AtomicInteger();
    private final int failOnBatch;

    CollectingAppender() {
        this(-1);
    }

    /** An appender whose {@code failOnBatch}-th append (1-based) throws, like a storage failure halfway. */
    CollectingAppender(int failOnBatch) {
        this.failOnBatch = failOnBatch;
    }

    @Override
    public void append(Batch batch) {
        if (batches.incrementAndGet() == failOnBatch) {
            throw new IllegalStateException("appender failed on purpose");
        }
        for (int i = 0; i < batch.size(); i++) {
            int row = batch.row(i);
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < batch.columnCount(); column++) {
                values.add(batch.column(column).getObject(row));
            }
            rows.add(values);
        }
    }

    List<List<Object>> rows() {
        return new ArrayList<>(rows);
    }

    int batches() {
        return batches.get();
    }
}
