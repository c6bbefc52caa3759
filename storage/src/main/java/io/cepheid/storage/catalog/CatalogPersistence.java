package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.file.NewFileSink;
import io.cepheid.storage.format.CatalogCodec;
import io.cepheid.storage.format.CatalogDocument;
import io.cepheid.storage.format.ContentAddress;
import io.cepheid.storage.table.TableManifest;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads and writes catalog versions in a {@link FileStore}. The file {@value #CURRENT} names the catalog
 * file of the latest committed version; replacing it atomically is the single step that commits, so a
 * crash before it leaves the previous version and a crash after it the new one.
 */
final class CatalogPersistence {
    static final String CURRENT = "CURRENT";

    private final FileStore store;

    CatalogPersistence(FileStore store) {
        this.store = store;
    }

    /** The latest committed version, or an empty version 0 with {@code sliceCount} slices for a new store. */
    CatalogState loadCurrent(int sliceCount) {
        if (!store.exists(CURRENT)) {
            return CatalogState.empty(sliceCount);
        }
        String catalogFile = readText(CURRENT).trim();
        CatalogDocument document = CatalogCodec.decodeCatalog(readBytes(catalogFile), catalogFile);
        Map<String, TableState> tables = new HashMap<>();
        for (CatalogDocument.TableEntry entry : document.tables()) {
            TableManifest manifest = CatalogCodec.decodeManifest(readBytes(entry.manifestFile()), entry.manifestFile());
            if (manifest.sliceCount() != document.sliceCount()) {
                throw new CepheidException(ErrorCode.DATA_CORRUPTED, "manifest " + entry.manifestFile() + " has "
                        + manifest.sliceCount() + " slices, the catalog " + document.sliceCount());
            }
            TableState table = new TableState(entry.definition(), manifest, entry.manifestFile(), entry.changedVersion(),
                    entry.statistics(), entry.rowsChangedSinceAnalyze());
            tables.put(table.key(), table);
        }
        Map<String, ViewDefinition> views = new HashMap<>();
        for (ViewDefinition view : document.views()) {
            views.put(CatalogState.key(view.schema(), view.name()), view);
        }
        return new CatalogState(document.version(), document.sliceCount(), catalogFile,
                new TreeSet<>(document.schemas()), tables, views);
    }

    /** Writes a table manifest durably (unless that content already exists) and returns its file name. */
    String writeManifest(TableManifest manifest, NewFileSink sink) {
        byte[] content = CatalogCodec.encodeManifest(manifest);
        String name = ContentAddress.name(content, ContentAddress.MANIFEST_SUFFIX);
        sink.write(name, content);
        return name;
    }

    /** Writes the catalog file of {@code next} durably and returns its name; nothing is committed yet. */
    String writeCatalog(CatalogState next, NewFileSink sink) {
        byte[] content = CatalogCodec.encodeCatalog(next.toDocument());
        String name = ContentAddress.name(content, ContentAddress.CATALOG_SUFFIX);
        sink.write(name, content);
        return name;
    }

    /** Points {@value #CURRENT} at a written catalog file: the commit point. */
    void pointCurrentTo(String catalogFile) {
        store.replaceAtomically(CURRENT, (catalogFile + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private byte[] readBytes(String name) {
        return store.read(name).toArray(ValueLayout.JAVA_BYTE);
    }

    private String readText(String name) {
        return new String(readBytes(name), StandardCharsets.UTF_8);
    }
}
