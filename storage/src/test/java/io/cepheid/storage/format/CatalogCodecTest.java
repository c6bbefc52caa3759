package io.cepheid.storage.format;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.RowGroupRef;
import io.cepheid.storage.table.TableManifest;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogCodecTest {
    private static final List<SqlType> ALL_TYPES = List.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT,
            new SqlType.DecimalType(12, 2), SqlType.REAL, SqlType.DOUBLE, SqlType.BOOLEAN, new SqlType.CharType(3),
            new SqlType.VarcharType(256), SqlType.DATE, SqlType.TIMESTAMP);

    @Test
    void everyTypeSurvivesACatalogRoundTrip() {
        List<ColumnDefinition> columns = new java.util.ArrayList<>();
        for (int i = 0; i < ALL_TYPES.size(); i++) {
            columns.add(new ColumnDefinition("c" + i, ALL_TYPES.get(i), i % 2 == 0,
                    i == 3 ? Encoding.AZ64 : null, i == 1 ? "42" : null));
        }
        TableDefinition definition = new TableDefinition("s", "t", columns, DistStyle.KEY, 2, SortStyle.COMPOUND,
                List.of(9, 0), List.of("PRIMARY KEY (c2)"));
        CatalogDocument document = new CatalogDocument(7, 4, List.of("public", "s"),
                List.of(new CatalogDocument.TableEntry(definition, "abc.manifest", 5, null, 0),
                        new CatalogDocument.TableEntry(new TableDefinition("s", "u", columns, DistStyle.EVEN, -1,
                                SortStyle.NONE, List.of(), List.of()), "def.manifest", 6, new io.cepheid.storage.catalog.TableStatistics(
                                1000, List.of(
                                        new io.cepheid.storage.catalog.ColumnStatistics("c0", 0.25, 17, 2, new io.cepheid.storage.encoding.ZoneMap.LongRange(-3, 9)),
                                        new io.cepheid.storage.catalog.ColumnStatistics("c3", 0, 999, 16, new io.cepheid.storage.encoding.ZoneMap.DecimalRange(
                                                java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(31))),
                                        new io.cepheid.storage.catalog.ColumnStatistics("c5", 0.5, 3, 8, new io.cepheid.storage.encoding.ZoneMap.DoubleRange(-0.1, Double.NaN)),
                                        new io.cepheid.storage.catalog.ColumnStatistics("c8", 1, 0, 0, io.cepheid.storage.encoding.ZoneMap.EMPTY))),
                                42)),
                List.of(new io.cepheid.storage.catalog.ViewDefinition("s", "v", "SELECT \"c0\" FROM \"s\".\"t\"",
                        List.of(columns.getFirst()))));
        byte[] encoded = CatalogCodec.encodeCatalog(document);
        assertEquals(document, CatalogCodec.decodeCatalog(encoded, "x"));
        assertArrayEquals(encoded, CatalogCodec.encodeCatalog(CatalogCodec.decodeCatalog(encoded, "x")),
                "encoding must be deterministic: content addressing depends on it");
    }

    @Test
    void manifestsRoundTripAndNamesFollowContent() {
        TableManifest manifest = new TableManifest(DistStyle.ALL,
                List.of(List.of(new RowGroupRef("a.rg", 10), new RowGroupRef("b.rg", 3)), List.of()));
        byte[] encoded = CatalogCodec.encodeManifest(manifest);
        assertEquals(manifest, CatalogCodec.decodeManifest(encoded, "m"));
        assertEquals(13, manifest.rowCount());
        String name = ContentAddress.name(encoded, ContentAddress.MANIFEST_SUFFIX);
        assertEquals(64 + ".manifest".length(), name.length());
        assertNotEquals(name, ContentAddress.name(CatalogCodec.encodeManifest(TableManifest.empty(DistStyle.EVEN, 2)),
                ContentAddress.MANIFEST_SUFFIX));
    }

    @Test
    void corruptFilesAreReportedAsDataCorruption() {
        byte[] garbage = "{\"format\":1,".getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.DATA_CORRUPTED,
                assertThrows(CepheidException.class, () -> CatalogCodec.decodeCatalog(garbage, "c")).code());
        byte[] rowGroup = RowGroupFile.write(2, List.of(new byte[] {1, 2}, new byte[] {3}));
        RowGroupFile.Index index = RowGroupFile.read(MemorySegment.ofArray(rowGroup), "ok");
        assertEquals(2, index.rowCount());
        assertEquals(2, index.columnCount());
        assertEquals(1, index.lengths()[1]);
        rowGroup[rowGroup.length - 1] ^= 1;
        assertEquals(ErrorCode.DATA_CORRUPTED, assertThrows(CepheidException.class,
                () -> RowGroupFile.read(MemorySegment.ofArray(rowGroup), "bad")).code());
        assertEquals(ErrorCode.DATA_CORRUPTED, assertThrows(CepheidException.class,
                () -> SqlTypeNames.parse("numeric(x)")).code());
    }
}
