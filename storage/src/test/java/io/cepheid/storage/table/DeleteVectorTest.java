package io.cepheid.storage.table;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.format.DeleteVectorFile;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delete vectors: marking rows, the live-row selection, the file format, and row ids. */
class DeleteVectorTest {
    @Test
    void marksRowsAndListsTheLiveOnes() {
        for (int rows : new int[] {1, 7, 63, 64, 65, 1025, 65_536}) {
            int[] deleted = {0, rows / 2, rows - 1, rows / 2}; // a duplicate, and both ends
            DeleteVector vector = DeleteVector.none(rows).plus(deleted, 0, deleted.length);
            int expectedDeleted = rows == 1 ? 1 : rows == 2 ? 2 : 3;
            assertEquals(expectedDeleted, vector.deletedCount(), rows + " rows");
            assertTrue(vector.isDeleted(0));
            assertTrue(vector.isDeleted(rows - 1));
            int[] live = new int[rows];
            int count = vector.liveRows(live);
            assertEquals(rows - expectedDeleted, count);
            for (int i = 0; i < count; i++) {
                assertFalse(vector.isDeleted(live[i]));
                assertTrue(i == 0 || live[i] > live[i - 1], "ascending");
            }
        }
    }

    @Test
    void roundTripsThroughItsFile() {
        DeleteVector vector = DeleteVector.none(1000).plus(new int[] {3, 64, 999}, 0, 3);
        byte[] file = DeleteVectorFile.write(vector);
        assertEquals(12 + 8 * 16, file.length);
        DeleteVector read = DeleteVectorFile.read(MemorySegment.ofArray(file), "x.dv");
        assertEquals(vector, read);
        assertArrayEquals(vector.words(), read.words());
    }

    @Test
    void aDamagedFileIsReportedAsCorrupt() {
        byte[] file = DeleteVectorFile.write(DeleteVector.none(100).plus(new int[] {5}, 0, 1));
        file[4] = 9; // the deleted count no longer matches the bitmap
        CepheidException e = assertThrows(CepheidException.class,
                () -> DeleteVectorFile.read(MemorySegment.ofArray(file), "bad.dv"));
        assertEquals(ErrorCode.DATA_CORRUPTED, e.code());
    }

    @Test
    void rowIdsPackSliceRowGroupAndRow() {
        long id = RowId.of(3, 70_000, 65_535);
        assertEquals(3, RowId.slice(id));
        assertEquals(70_000, RowId.rowGroup(id));
        assertEquals(65_535, RowId.row(id));
        assertEquals(RowId.rowGroupKey(RowId.of(3, 70_000, 0)), RowId.rowGroupKey(id));
    }
}
