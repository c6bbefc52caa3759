package io.cepheid.loader.format;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record and field splitting, including records cut by buffer refills at every byte. */
class RecordReaderTest {
    /** A stream that hands out at most {@code chunk} bytes per read, so records straddle every refill. */
    private static InputStream trickle(String text, int chunk) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] bytes, int offset, int length) {
                return super.read(bytes, offset, Math.min(length, chunk));
            }
        };
    }

    private static List<String> records(RecordReader reader) throws IOException {
        List<String> records = new ArrayList<>();
        while (reader.next()) {
            StringBuilder record = new StringBuilder().append(reader.recordLine()).append(':');
            for (int i = 0; i < reader.fieldCount(); i++) {
                if (i > 0) {
                    record.append(',');
                }
                record.append(reader.isNullMarker(i) ? "<null>" : "[" + new String(reader.bytes(), reader.fieldStart(i),
                        reader.fieldEnd(i) - reader.fieldStart(i), StandardCharsets.UTF_8) + "]");
            }
            records.add(record.toString());
        }
        return records;
    }

    @Test
    void plainTextInAnyChunking() throws IOException {
        String text = "1|abc|\\N\r\n||\n\nlast|x";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            TextRecordReader reader = new TextRecordReader(trickle(text, chunk), (byte) '|', "\\N", false, false);
            assertEquals(List.of("1:[1],[abc],<null>", "2:[],[],[]", "3:[]", "4:[last],[x]"), records(reader), "chunk " + chunk);
        }
    }

    @Test
    void escapesAndRemoveQuotesInAnyChunking() throws IOException {
        String text = "a\\|b|\"q|uote\"|\\N\nline\\\nbreak|x\"y|\"\"\n";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            TextRecordReader reader = new TextRecordReader(trickle(text, chunk), (byte) '|', "\\N", true, true);
            assertEquals(List.of("1:[a|b],[q|uote],<null>", "2:[line\nbreak],[x\"y],[]"), records(reader), "chunk " + chunk);
        }
    }

    @Test
    void csvInAnyChunking() throws IOException {
        String text = "1,\"a,\"\"b\"\"\",\"multi\nline\"\r\n\"\",,\\N\nend,\"x\"tail";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            CsvRecordReader reader = new CsvRecordReader(trickle(text, chunk), (byte) ',', (byte) '"', "\\N");
            assertEquals(List.of("1:[1],[a,\"b\"],[multi\nline]", "3:[],[],<null>", "4:[end],[xtail]"), records(reader),
                    "chunk " + chunk);
        }
    }

    @Test
    void quotedFieldIsNeverTheNullMarker() throws IOException {
        CsvRecordReader reader = new CsvRecordReader(trickle("\"\\N\",\\N\n", 100), (byte) ',', (byte) '"', "\\N");
        assertTrue(reader.next());
        assertFalse(reader.isNullMarker(0));
        assertTrue(reader.isQuoted(0));
        assertTrue(reader.isNullMarker(1));
    }

    @Test
    void recordLargerThanTheBufferGrowsIt() throws IOException {
        String huge = "y".repeat(3 << 20);
        TextRecordReader reader = new TextRecordReader(trickle("a|" + huge + "\nb|c\n", 1 << 16), (byte) '|', null, false, false);
        assertTrue(reader.next());
        assertEquals(huge.length(), reader.fieldEnd(1) - reader.fieldStart(1));
        assertTrue(reader.next());
        assertEquals(2, reader.recordLine());
        assertEquals("b|c", reader.rawRecord());
        assertFalse(reader.next());
    }

    @Test
    void skipLinesCountsLines() throws IOException {
        TextRecordReader reader = new TextRecordReader(trickle("h1\nh2\ndata\n", 2), (byte) '|', null, false, false);
        reader.skipLines(2);
        assertEquals(List.of("3:[data]"), records(reader));
    }
}
