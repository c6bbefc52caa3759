package io.cepheid.storage.file;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStoreTest {
    @TempDir
    Path directory;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void checkContract(FileStore store) {
        store.write("a.rg", bytes("first"));
        store.write("b.rg", new byte[0]);
        assertArrayEquals(bytes("first"), store.read("a.rg").toArray(ValueLayout.JAVA_BYTE));
        assertEquals(0, store.read("b.rg").byteSize());
        assertTrue(store.exists("a.rg"));
        assertFalse(store.exists("c.rg"));
        assertEquals(List.of("a.rg", "b.rg"), store.list().stream().sorted().toList());

        store.replaceAtomically("CURRENT", bytes("one"));
        MemorySegment before = store.read("CURRENT");
        store.replaceAtomically("CURRENT", bytes("two"));
        assertArrayEquals(bytes("two"), store.read("CURRENT").toArray(ValueLayout.JAVA_BYTE));
        // A reader that mapped the old content keeps seeing it: replace never writes in place.
        assertArrayEquals(bytes("one"), before.toArray(ValueLayout.JAVA_BYTE));

        store.delete("a.rg");
        store.delete("a.rg");
        assertFalse(store.exists("a.rg"));
        CepheidException missing = assertThrows(CepheidException.class, () -> store.read("a.rg"));
        assertEquals(ErrorCode.FILE_NOT_FOUND, missing.code());
    }

    @Test
    void inMemoryStoreKeepsTheContract() {
        checkContract(new InMemoryFileStore());
    }

    @Test
    void localStoreKeepsTheContractAndHidesTemporaryFiles() throws Exception {
        try (LocalFileStore store = new LocalFileStore(directory.resolve("new/data"))) {
            checkContract(store);
            Files.write(store.directory().resolve(".tmp-abandoned"), bytes("half"));
            assertFalse(store.list().contains(".tmp-abandoned"));
            store.deleteAbandonedTemporaryFiles();
            assertFalse(Files.exists(store.directory().resolve(".tmp-abandoned")));
            assertThrows(IllegalArgumentException.class, () -> store.write("../escape", bytes("x")));
        }
    }

    @Test
    void aDirectoryCanBeOpenedByOneStoreAtATime() {
        try (LocalFileStore first = new LocalFileStore(directory)) {
            CepheidException e = assertThrows(CepheidException.class, () -> new LocalFileStore(directory));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            first.write("x.rg", bytes("x"));
        }
        try (LocalFileStore again = new LocalFileStore(directory)) {
            assertTrue(again.exists("x.rg"));
        }
    }

    @Test
    void failingStoreFailsExactlyTheArmedCallBeforeItHasAnyEffect() {
        InMemoryFileStore inner = new InMemoryFileStore();
        FailingFileStore store = new FailingFileStore(inner);
        store.write("a.rg", bytes("a"));
        store.failCall(2);
        store.write("b.rg", bytes("b"));
        CepheidException e = assertThrows(CepheidException.class, () -> store.write("c.rg", bytes("c")));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(store.failed());
        assertFalse(inner.exists("c.rg"));
        store.write("c.rg", bytes("c"));
        assertTrue(inner.exists("c.rg"));
        store.failCall(1);
        store.disarm();
        store.delete("a.rg");
        assertFalse(inner.exists("a.rg"));
    }
}
