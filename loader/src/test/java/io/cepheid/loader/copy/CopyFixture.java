package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Builds tables, input files and requests for COPY tests, and checks that no memory is left allocated. */
final class CopyFixture {
    final Path directory;
    final BufferAllocator allocator = new BufferAllocator("copy-test", BufferAllocator.UNLIMITED);
    CollectingAppender appender = new CollectingAppender();

    CopyFixture(Path directory) {
        this.directory = directory;
    }

    static ColumnDefinition column(String name, SqlType type) {
        return new ColumnDefinition(name, type, true, Encoding.AUTO, null);
    }

    static ColumnDefinition notNull(String name, SqlType type) {
        return new ColumnDefinition(name, type, false, Encoding.AUTO, null);
    }

    static TableDefinition table(String name, ColumnDefinition... columns) {
        return new TableDefinition("public", name, List.of(columns), DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                SortStyle.NONE, List.of(), List.of());
    }

    Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    Path writeBytes(String name, byte[] content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    Path writeGzip(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    CopyRequest request(String source, TableDefinition table, CopyOptions options) {
        return CopyRequest.allColumns(source, table, options, appender, allocator, null, 1);
    }

    CopyRequest request(String source, TableDefinition table, CopyOptions options, ExecutorService executor, int parallelism) {
        return CopyRequest.allColumns(source, table, options, appender, allocator, executor, parallelism);
    }

    /** Loads {@code content} from one file into {@code table} and returns the rows, checking memory. */
    List<List<Object>> load(TableDefinition table, CopyOptions options, String content) throws IOException {
        Path file = write(table.name() + ".txt", content);
        appender = new CollectingAppender();
        CopyResult result = LocalFileCopy.run(request(file.toString(), table, options));
        assertNoLeak();
        assertEquals(appender.rows().size(), result.rowsLoaded());
        return appender.rows();
    }

    /** Loads {@code content} and expects a failure; returns it after checking memory. */
    CepheidException loadFails(TableDefinition table, CopyOptions options, String content) throws IOException {
        Path file = write(table.name() + ".txt", content);
        appender = new CollectingAppender();
        CepheidException error = assertThrows(CepheidException.class,
                () -> LocalFileCopy.run(request(file.toString(), table, options)));
        assertNoLeak();
        return error;
    }

    void assertNoLeak() {
        assertEquals(0, allocator.allocatedBytes(), "bytes still allocated after COPY");
    }

    static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value);
        }
        return row;
    }
}
