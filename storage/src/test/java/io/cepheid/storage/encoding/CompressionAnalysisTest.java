package io.cepheid.storage.encoding;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionAnalysisTest {
    @Test
    void constantColumnSuggestsRunLength() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("test");
             ColumnVector values = ColumnVector.allocate(allocator, SqlType.INTEGER, 10_000)) {
            for (int i = 0; i < 10_000; i++) {
                values.setInt(i, 42);
            }
            CompressionAnalysis analysis = new CompressionAnalysis(SqlType.INTEGER);
            analysis.add(values, 10_000);
            assertEquals(Encoding.RUNLENGTH, analysis.best());
            assertTrue(analysis.reductionPercent() > 99, "reduction " + analysis.reductionPercent());
            assertEquals(10_000, analysis.rows());
        }
    }

    @Test
    void encodingsThatCannotHoldTheSampleAreNotCandidates() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("test");
             ColumnVector values = ColumnVector.allocate(allocator, SqlType.BIGINT, 5_000)) {
            Random random = new Random(7);
            for (int i = 0; i < 5_000; i++) {
                values.setLong(i, random.nextLong());
            }
            CompressionAnalysis analysis = new CompressionAnalysis(SqlType.BIGINT);
            analysis.add(values, 5_000);
            // 5,000 distinct values: no dictionary of 256; random steps overflow DELTA's byte.
            assertEquals(-1, analysis.bytes(Encoding.BYTEDICT));
            assertEquals(-1, analysis.bytes(Encoding.DELTA));
            assertTrue(analysis.bytes(Encoding.RAW) >= 5_000 * 8L);
            assertTrue(analysis.bytes(analysis.best()) <= analysis.bytes(Encoding.RAW));
            assertTrue(analysis.reductionPercent() >= 0);
        }
    }

    @Test
    void sumsPiecesAndOffersOnlyEncodingsOfTheType() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("test");
             ColumnVector values = ColumnVector.allocate(allocator, SqlType.VARCHAR, 1_000)) {
            for (int i = 0; i < 1_000; i++) {
                values.setString(i, i % 2 == 0 ? "north" : "south");
            }
            CompressionAnalysis analysis = new CompressionAnalysis(SqlType.VARCHAR);
            analysis.add(values, 1_000);
            long oneRaw = analysis.bytes(Encoding.RAW);
            analysis.add(values, 1_000);
            assertEquals(2 * oneRaw, analysis.bytes(Encoding.RAW));
            assertEquals(-1, analysis.bytes(Encoding.AZ64));
            assertEquals(-1, analysis.bytes(Encoding.DELTA));
            assertTrue(analysis.bytes(Encoding.TEXT255) > 0);
            assertTrue(analysis.reductionPercent() > 50, "reduction " + analysis.reductionPercent());
        }
    }

    @Test
    void emptySampleReportsRawAndNoReduction() {
        CompressionAnalysis analysis = new CompressionAnalysis(SqlType.DATE);
        assertEquals(Encoding.RAW, analysis.best());
        assertEquals(0.0, analysis.reductionPercent());
    }
}
