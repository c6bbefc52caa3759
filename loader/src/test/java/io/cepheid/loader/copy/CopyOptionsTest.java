package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.cepheid.loader.copy.CopyFixture.column;
import static io.cepheid.loader.copy.CopyFixture.row;
import static io.cepheid.loader.copy.CopyFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every COPY data format and conversion option, one behaviour per test. */
class CopyOptionsTest {
    private static final TableDefinition PAIR = table("pair", column("id", SqlType.INTEGER), column("name", SqlType.VARCHAR));

    @TempDir
    Path directory;
    CopyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CopyFixture(directory);
    }

    @Test
    void delimiter() throws Exception {
        assertEquals(List.of(row(1L, "a|b")), fixture.load(PAIR, CopyOptions.builder().delimiter('\t').build(), "1\ta|b\n"));
        assertEquals(List.of(row(1L, "x")), fixture.load(PAIR, CopyOptions.builder().delimiter(',').build(), "1,x\n"));
    }

    @Test
    void windowsLineBreaksAndMissingFinalLineBreak() throws Exception {
        assertEquals(List.of(row(1L, "a"), row(2L, "b")), fixture.load(PAIR, CopyOptions.defaults(), "1|a\r\n2|b"));
    }

    @Test
    void dbgenTrailingDelimiterIsAccepted() throws Exception {
        assertEquals(List.of(row(1L, "a"), row(2L, "")), fixture.load(PAIR, CopyOptions.defaults(), "1|a|\n2||\n"));
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.defaults(), "1|a|x\n");
        assertTrue(error.getMessage().endsWith("line 1: expected 2 fields, found 3 (delimiter '|')"), error.getMessage());
    }

    @Test
    void csvQuotingWithDelimitersDoubledQuotesAndLineBreaks() throws Exception {
        String content = "1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\r\n5,\"\"\n";
        assertEquals(List.of(row(1L, "a,b"), row(2L, "say \"hi\""), row(3L, "two\nlines"), row(4L, "plain"), row(5L, "")),
                fixture.load(PAIR, CopyOptions.builder().csv().build(), content));
    }

    @Test
    void csvLineNumbersCountLineBreaksInsideQuotes() throws Exception {
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().csv().build(),
                "1,\"a\nb\nc\"\nx,d\n");
        assertTrue(error.getMessage().contains("line 4, column id (field 1): invalid digit in \"x\""), error.getMessage());
    }

    @Test
    void csvUnterminatedQuoteIsAnError() throws Exception {
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().csv().build(), "1,a\n2,\"open\n3,c\n");
        assertTrue(error.getMessage().endsWith("line 2: unterminated quoted field (quote '\"')"), error.getMessage());
    }

    @Test
    void csvWithOtherQuoteAndDelimiter() throws Exception {
        assertEquals(List.of(row(1L, "a;b")),
                fixture.load(PAIR, CopyOptions.builder().csv('\'').delimiter(';').build(), "1;'a;b'\n"));
    }

    @Test
    void ignoreHeaderSkipsLinesOfEveryFile() throws Exception {
        fixture.write("h/part1", "id|name\n1|a\n");
        fixture.write("h/part2", "id|name\n2|b\n");
        CopyResult result = LocalFileCopy.run(fixture.request(directory.resolve("h/part").toString(), PAIR,
                CopyOptions.builder().ignoreHeader(1).build()));
        assertEquals(2, result.rowsLoaded());
        assertEquals(2, result.filesLoaded());
        assertEquals(List.of(row(1L, "a"), row(2L, "b")), fixture.appender.rows());
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().ignoreHeader(2).build(), "h1\nh2\n1|a\nz|b\n");
        assertTrue(error.getMessage().contains("line 4, column id"), error.getMessage());
    }

    @Test
    void nullAs() throws Exception {
        assertEquals(List.of(row(null, null), row(1L, "\\N")),
                fixture.load(PAIR, CopyOptions.builder().nullAs("NULL").build(), "NULL|NULL\n1|\\N\n"));
        // A quoted CSV field is a value, never the NULL marker.
        assertEquals(List.of(row(null, "NULL")),
                fixture.load(PAIR, CopyOptions.builder().csv().nullAs("NULL").build(), "NULL,\"NULL\"\n"));
    }

    @Test
    void gzipByOptionAndByMagicBytes() throws Exception {
        fixture.writeGzip("z/data.gz", "1|a\n2|b\n");
        CopyResult byOption = LocalFileCopy.run(fixture.request(directory.resolve("z/data.gz").toString(), PAIR,
                CopyOptions.builder().gzip().build()));
        assertEquals(2, byOption.rowsLoaded());
        fixture.appender = new CollectingAppender();
        CopyResult byMagic = LocalFileCopy.run(fixture.request(directory.resolve("z/data.gz").toString(), PAIR,
                CopyOptions.defaults()));
        assertEquals(2, byMagic.rowsLoaded());
        assertEquals(List.of(row(1L, "a"), row(2L, "b")), fixture.appender.rows());
        fixture.assertNoLeak();
    }

    @Test
    void gzipOptionOnAPlainFileFails() throws Exception {
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().gzip().build(), "1|a\n");
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertTrue(error.getMessage().contains(directory.resolve("pair.txt").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("not in gzip format"), error.getMessage());
    }

    @Test
    void dateFormatPatternsAndAuto() throws Exception {
        TableDefinition dates = table("dates", column("d", SqlType.DATE));
        assertEquals(List.of(row(19753L)), fixture.load(dates, CopyOptions.builder().dateFormat("MM/DD/YYYY").build(), "01/31/2024\n"));
        assertEquals(List.of(row(19753L)), fixture.load(dates, CopyOptions.builder().dateFormat("YYYYMMDD").build(), "20240131\n"));
        assertEquals(List.of(row(19753L)), fixture.load(dates, CopyOptions.builder().dateFormat("MON DD, YYYY").build(), "January 31, 2024\n"));
        assertEquals(List.of(row(19753L), row(19753L), row(19753L), row(19753L), row(19753L)),
                fixture.load(dates, CopyOptions.builder().dateFormat("auto").build(),
                        "2024-01-31\n01/31/2024\n20240131\n31-Jan-2024\n2024-01-31 23:59:59\n"));
    }

    @Test
    void timeFormatPatternsEpochsAndAuto() throws Exception {
        TableDefinition times = table("times", column("t", SqlType.TIMESTAMP));
        long micros = 1_706_745_599_000_000L; // 2024-01-31 23:59:59
        assertEquals(List.of(row(micros)),
                fixture.load(times, CopyOptions.builder().timeFormat("MM.DD.YYYY HH12:MI:SS AM").build(), "01.31.2024 11:59:59 PM\n"));
        assertEquals(List.of(row(micros)), fixture.load(times, CopyOptions.builder().timeFormat("epochsecs").build(), "1706745599\n"));
        assertEquals(List.of(row(micros + 123_000)),
                fixture.load(times, CopyOptions.builder().timeFormat("epochmillisecs").build(), "1706745599123\n"));
        assertEquals(List.of(row(micros), row(micros + 500_000), row(micros - 86_399_000_000L)),
                fixture.load(times, CopyOptions.builder().timeFormat("auto").build(),
                        "2024-01-31T23:59:59\n01/31/2024 23:59:59.5\n2024-01-31\n"));
    }

    @Test
    void emptyAsNullAndBlanksAsNull() throws Exception {
        assertEquals(List.of(row(1L, null), row(2L, "  ")),
                fixture.load(PAIR, CopyOptions.builder().emptyAsNull().build(), "1|\n2|  \n"));
        assertEquals(List.of(row(1L, ""), row(2L, null)),
                fixture.load(PAIR, CopyOptions.builder().blanksAsNull().build(), "1|\n2|  \n"));
    }

    @Test
    void trimBlanks() throws Exception {
        assertEquals(List.of(row(1L, "a b")), fixture.load(PAIR, CopyOptions.builder().trimBlanks().build(), " 1 |  a b  \n"));
        assertEquals(List.of(row(1L, "  a b  ")), fixture.load(PAIR, CopyOptions.defaults(), " 1 |  a b  \n"));
    }

    @Test
    void truncateColumnsCutsAtACharacterBoundary() throws Exception {
        TableDefinition table = table("short", column("v", new SqlType.VarcharType(3)));
        assertEquals(List.of(row("abc"), row("aé")),
                fixture.load(table, CopyOptions.builder().truncateColumns().build(), "abcdef\naéé\n"));
    }

    @Test
    void removeQuotesKeepsDelimitersInsideQuotes() throws Exception {
        assertEquals(List.of(row(1L, "a|b"), row(2L, "plain"), row(3L, "x\"y")),
                fixture.load(PAIR, CopyOptions.builder().removeQuotes().build(), "\"1\"|\"a|b\"\n2|plain\n3|x\"y\n"));
    }

    @Test
    void escapeProtectsDelimitersLineBreaksAndBackslashes() throws Exception {
        String content = "1|a\\|b\n2|two\\\nlines\n3|back\\\\slash\n\\N|x\n4|z\n";
        assertEquals(List.of(row(1L, "a|b"), row(2L, "two\nlines"), row(3L, "back\\slash"), row(null, "x"), row(4L, "z")),
                fixture.load(PAIR, CopyOptions.builder().escape().build(), content));
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().escape().build(), "1|a\\\nb\nq|c\n");
        assertTrue(error.getMessage().contains("line 3, column id"), error.getMessage());
    }

    @Test
    void fillRecordLoadsMissingTrailingColumnsAsNull() throws Exception {
        TableDefinition table = table("wide", column("a", SqlType.INTEGER), column("b", SqlType.VARCHAR), column("c", SqlType.DATE));
        assertEquals(List.of(row(1L, null, null), row(2L, "x", null), row(3L, "y", 0L)),
                fixture.load(table, CopyOptions.builder().fillRecord().build(), "1\n2|x\n3|y|1970-01-01\n"));
        CepheidException error = fixture.loadFails(table, CopyOptions.defaults(), "1|x|1970-01-01\n2|x\n");
        assertTrue(error.getMessage().endsWith("line 2: expected 3 fields, found 2 (delimiter '|')"), error.getMessage());
    }

    @Test
    void acceptInvCharsReplacesInvalidUtf8() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("1|ok\n2|bad".getBytes(StandardCharsets.UTF_8));
        content.write(0xFF);
        content.writeBytes("x\n".getBytes(StandardCharsets.UTF_8));
        Path file = fixture.writeBytes("invalid.txt", content.toByteArray());
        CepheidException error = assertThrows(CepheidException.class,
                () -> LocalFileCopy.run(fixture.request(file.toString(), PAIR, CopyOptions.defaults())));
        assertTrue(error.getMessage().contains("line 2, column name (field 2): invalid UTF-8"), error.getMessage());
        fixture.appender = new CollectingAppender();
        LocalFileCopy.run(fixture.request(file.toString(), PAIR, CopyOptions.builder().acceptInvChars('^').build()));
        assertEquals(List.of(row(1L, "ok"), row(2L, "bad^x")), fixture.appender.rows());
        fixture.assertNoLeak();
    }

    @Test
    void optionsAsTheStatementSpellsThem() {
        CopyOptions options = CopyOptions.builder().option("csv", null).option("QUOTE", "'").option("delimiter", "\\t")
                .option("IgnoreHeader", "2").option("NULL", "NA").option("GZIP", null).option("DATEFORMAT", "auto")
                .option("TIMEFORMAT", "epochsecs").option("MAXERROR", "10").option("EMPTYASNULL", null)
                .option("BLANKSASNULL", null).option("TRIMBLANKS", null).option("TRUNCATECOLUMNS", null)
                .option("FILLRECORD", null).option("ACCEPTINVCHARS", null).option("COMPUPDATE", "OFF")
                .option("ROUNDEC", null).build();
        assertEquals(new CopyOptions(CopyFormat.CSV, '\t', '\'', 2, "NA", true, "auto", "epochsecs", 10, true, true, true,
                true, false, false, true, '?', true), options);
        assertTrue(options.conversion().roundDecimals());
        assertFalse(CopyOptions.builder().build().roundDecimals());
        assertEquals(',', CopyOptions.builder().option("CSV", null).build().delimiter());
        CopyOptions text = CopyOptions.builder().option("ESCAPE", null).option("REMOVEQUOTES", null)
                .option("ACCEPTINVCHARS", "^").build();
        assertTrue(text.escape() && text.removeQuotes());
        assertEquals('^', text.acceptInvChars());
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().option("FIXEDWIDTH", "a:1")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().option("MAXERROR", "many")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().option("DELIMITER", "||")).code());
    }

    @Test
    void contradictoryOptionsAreRejected() {
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().csv().escape().build()).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().delimiter('\n').build()).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> CopyOptions.builder().maxError(-1).build()).code());
    }
}
