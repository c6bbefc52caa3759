package io.cepheid.executor;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.operator.ExecutionContext;
import io.cepheid.executor.operator.Operators;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builders for specs and expressions, and a run helper that checks no memory is leaked. */
public final class ExecutorTestSupport {
    /** Shared pool of daemon threads for slice execution in tests. */
    public static final ExecutorService POOL = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "test-slice");
        thread.setDaemon(true);
        return thread;
    });

    public static final CatalogSnapshot EMPTY_CATALOG = new CatalogSnapshot() {
        public long version() {
            return 0;
        }

        public List<String> schemas() {
            return List.of("public");
        }

        public List<TableDefinition> tables() {
            return List.of();
        }

        public Optional<TableSnapshot> table(String schema, String name) {
            return Optional.empty();
        }
    };

    private ExecutorTestSupport() {
    }

    public static ExecutionContext context(BufferAllocator allocator) {
        return context(allocator, EMPTY_CATALOG, 1);
    }

    public static ExecutionContext context(BufferAllocator allocator, CatalogSnapshot catalog, int sliceCount) {
        return new ExecutionContext(allocator, catalog, ExecutionContext.ALL_SLICES, sliceCount, POOL);
    }

    /** Runs {@code spec} to completion with a fresh allocator and checks every byte came back. */
    public static List<List<Object>> run(PlanSpec spec) {
        return run(spec, EMPTY_CATALOG, 1);
    }

    public static List<List<Object>> run(PlanSpec spec, CatalogSnapshot catalog, int sliceCount) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("test")) {
            List<List<Object>> rows = Operators.collectRows(Operators.create(spec, context(allocator, catalog, sliceCount)));
            assertEquals(0, allocator.allocatedBytes(), "memory leaked");
            return rows;
        }
    }

    public static ValuesSpec values(List<SqlType> types, List<List<Object>> rows) {
        return new ValuesSpec(types, rows);
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    public static ExprSpec.InputRef ref(int index, SqlType type) {
        return new ExprSpec.InputRef(index, type);
    }

    public static ExprSpec.Literal lit(Object value, SqlType type) {
        return new ExprSpec.Literal(value, type);
    }

    public static ExprSpec.Call call(Function function, SqlType type, ExprSpec... arguments) {
        return new ExprSpec.Call(function, List.of(arguments), type);
    }

    public static SqlType decimal(int precision, int scale) {
        return new SqlType.DecimalType(precision, scale);
    }

    public static SqlType varchar(int length) {
        return new SqlType.VarcharType(length);
    }
}
