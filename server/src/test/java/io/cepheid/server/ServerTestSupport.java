package io.cepheid.server;

import io.cepheid.storage.vector.Batch;

import java.util.ArrayList;
import java.util.List;

/** Runs statements on a session and reads their rows as Java objects. */
final class ServerTestSupport {
    private ServerTestSupport() {
    }

    static List<List<Object>> rows(Session session, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (StatementResult result = session.execute(sql, List.of())) {
            ResultCursor cursor = ((StatementResult.Rows) result).cursor();
            for (Batch next = cursor.next(); next != null; next = cursor.next()) {
                try (Batch batch = next) {
                    for (int i = 0; i < batch.size(); i++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < batch.columnCount(); c++) {
                            row.add(batch.column(c).getObject(batch.row(i)));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    static void run(Session session, String sql) {
        session.execute(sql, List.of()).close();
    }
}
