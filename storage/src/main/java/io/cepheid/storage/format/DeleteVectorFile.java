package io.cepheid.storage.format;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.DeleteVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The layout of a delete-vector file (little-endian): i32 row count, i32 deleted count, the bitmap as
 * ceil(rows / 64) i64 words, and the magic {@code "CPDV"}. A 65,536-row group's file is 8,204 bytes.
 */
public final class DeleteVectorFile {
    private static final int MAGIC = 0x56445043; // "CPDV" read little-endian
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private DeleteVectorFile() {
    }

    public static byte[] write(DeleteVector vector) {
        long[] words = vector.words();
        ByteBuffer out = ByteBuffer.allocate(12 + 8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(vector.rowCount());
        out.putInt(vector.deletedCount());
        for (long word : words) {
            out.putLong(word);
        }
        out.putInt(MAGIC);
        return out.array();
    }

    /** Reads a delete-vector file; {@code name} is for error messages. */
    public static DeleteVector read(MemorySegment file, String name) {
        long size = file.byteSize();
        if (size < 12 || file.get(INT, size - 4) != MAGIC) {
            throw corrupt(name, "no delete-vector magic");
        }
        int rowCount = file.get(INT, 0);
        int deletedCount = file.get(INT, 4);
        int wordCount = DeleteVector.wordCount(rowCount);
        if (rowCount < 0 || size != 12 + 8L * wordCount) {
            throw corrupt(name, size + " bytes for " + rowCount + " rows");
        }
        long[] words = new long[wordCount];
        for (int i = 0; i < wordCount; i++) {
            words[i] = file.get(LONG, 8 + 8L * i);
        }
        DeleteVector vector;
        try {
            vector = DeleteVector.of(rowCount, words);
        } catch (IllegalArgumentException e) {
            throw corrupt(name, e.getMessage());
        }
        if (vector.deletedCount() != deletedCount) {
            throw corrupt(name, "header says " + deletedCount + " deleted rows, the bitmap " + vector.deletedCount());
        }
        return vector;
    }

    private static CepheidException corrupt(String name, String problem) {
        return new CepheidException(ErrorCode.DATA_CORRUPTED, "delete-vector file " + name + " is corrupt: " + problem);
    }
}
