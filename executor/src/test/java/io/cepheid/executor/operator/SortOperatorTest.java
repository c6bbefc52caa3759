package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SortOperatorTest {
    /** id BIGINT (unique, so the order is total), name VARCHAR, score DOUBLE, grade INTEGER; nulls in the last three. */
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, varchar(10), SqlType.DOUBLE, SqlType.INTEGER);

    private static List<List<Object>> randomRows(int count) {
        Random random = new Random(3);
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            rows.add(row(i, random.nextInt(9) == 0 ? null : "n" + random.nextInt(50),
                    random.nextInt(9) == 0 ? null : random.nextInt(200) / 8.0 - 10,
                    random.nextInt(9) == 0 ? null : (long) random.nextInt(5)));
        }
        return rows;
    }

    /** Java's comparator for one key: natural order of the column, direction, nulls placed as asked. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<List<Object>> keyOrder(SortKey key) {
        Comparator<Comparable> values = Comparator.naturalOrder();
        if (key.descending()) {
            values = values.reversed();
        }
        Comparator<Comparable> withNulls = key.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(row -> (Comparable) row.get(key.column()), withNulls);
    }

    private static List<List<Object>> reference(List<List<Object>> rows, List<SortKey> keys, long offset, long limit) {
        Comparator<List<Object>> order = keyOrder(keys.getFirst());
        for (SortKey key : keys.subList(1, keys.size())) {
            order = order.thenComparing(keyOrder(key));
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        int from = (int) Math.min(sorted.size(), offset);
        int to = limit < 0 ? sorted.size() : (int) Math.min(sorted.size(), from + limit);
        return sorted.subList(from, to);
    }

    private static final List<SortKey> KEYS = List.of(new SortKey(3, true, false), new SortKey(1, false, true),
            new SortKey(2, true, true), new SortKey(0, false, false));

    @Test
    void fullSortOnSeveralKeysAndTypesAcrossBatches() {
        List<List<Object>> rows = randomRows(9000);
        assertEquals(reference(rows, KEYS, 0, -1), run(new SortSpec(values(TYPES, rows), KEYS, 0, SortSpec.NO_LIMIT)));
        assertEquals(reference(rows, KEYS, 8990, -1), run(new SortSpec(values(TYPES, rows), KEYS, 8990, SortSpec.NO_LIMIT)));
    }

    @Test
    void topNWithOffsetUsesTheHeapAndMatchesFullSort() {
        List<List<Object>> rows = randomRows(9000);
        for (long[] window : new long[][] {{0, 10}, {5, 1}, {100, 250}, {0, 0}, {8990, 100}, {0, 5000}}) {
            assertEquals(reference(rows, KEYS, window[0], window[1]),
                    run(new SortSpec(values(TYPES, rows), KEYS, window[0], window[1])), window[0] + "," + window[1]);
        }
    }

    @Test
    void emptyInputAndSingleKey() {
        assertEquals(List.of(), run(new SortSpec(values(TYPES, List.of()), KEYS, 0, 10)));
        List<List<Object>> rows = List.of(row(1L, "b", 1.0, 1L), row(2L, "a", 2.0, 2L), row(3L, null, 3.0, 3L));
        assertEquals(List.of(row(2L, "a", 2.0, 2L), row(1L, "b", 1.0, 1L), row(3L, null, 3.0, 3L)),
                run(new SortSpec(values(TYPES, rows), List.of(new SortKey(1, false, false)), 0, SortSpec.NO_LIMIT)));
    }
}
