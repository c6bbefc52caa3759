package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.cepheid.loader.copy.CopyFixture.column;
import static io.cepheid.loader.copy.CopyFixture.notNull;
import static io.cepheid.loader.copy.CopyFixture.row;
import static io.cepheid.loader.copy.CopyFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY into every column type: values, NULLs, empty fields and the errors for bad values. */
class CopyTypesTest {
    @TempDir
    Path directory;
    CopyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CopyFixture(directory);
    }

    @Test
    void loadsEveryTypeFromPipeDelimitedText() throws Exception {
        TableDefinition table = table("every_type",
                column("s", SqlType.SMALLINT), column("i", SqlType.INTEGER), column("b", SqlType.BIGINT),
                column("d", new SqlType.DecimalType(12, 2)), column("r", SqlType.REAL), column("f", SqlType.DOUBLE),
                column("ok", SqlType.BOOLEAN), column("c", new SqlType.CharType(5)),
                column("v", new SqlType.VarcharType(20)), column("day", SqlType.DATE), column("ts", SqlType.TIMESTAMP));
        List<List<Object>> rows = fixture.load(table, CopyOptions.defaults(),
                "-32768|2147483647|-9223372036854775808|1234.5|1.5|-2.25e3|t|ab  |héllo|1970-01-02|1970-01-01 00:00:01.5\n"
                        + "32767|-2147483648|9223372036854775807|-0.01|NaN|Infinity|no|x|a b|2024-02-29|2000-01-01 12:30:00\n");
        assertEquals(List.of(
                row(-32768L, 2147483647L, Long.MIN_VALUE, 123450L, 1.5, -2250.0, true, "ab", "héllo", 1L, 1_500_000L),
                row(32767L, -2147483648L, Long.MAX_VALUE, -1L, Double.NaN, Double.POSITIVE_INFINITY, false, "x", "a b",
                        19782L, 946_729_800_000_000L)), rows);
    }

    @Test
    void emptyFieldsAreNullExceptForStrings() throws Exception {
        TableDefinition table = table("empties", column("i", SqlType.INTEGER), column("v", SqlType.VARCHAR),
                column("day", SqlType.DATE), column("d", new SqlType.DecimalType(5, 1)), column("c", new SqlType.CharType(3)));
        List<List<Object>> rows = fixture.load(table, CopyOptions.defaults(), "||||\n\\N|\\N|\\N|\\N|\\N\n  | |  |  |   \n");
        assertEquals(List.of(row(null, "", null, null, ""), row(null, null, null, null, null),
                row(null, " ", null, null, "")), rows);
    }

    @Test
    void decimalsTruncateExtraDigitsAsRedshiftDoes() throws Exception {
        TableDefinition table = table("decimals", column("d", new SqlType.DecimalType(6, 2)));
        List<List<Object>> rows = fixture.load(table, CopyOptions.defaults(),
                "2.345\n-2.345\n2.349\n.5\n-0\n+7\n9999.999\n");
        assertEquals(List.of(row(234L), row(-234L), row(234L), row(50L), row(0L), row(700L), row(999999L)), rows);
    }

    @Test
    void decimalsRoundHalfAwayFromZeroWithRoundec() throws Exception {
        TableDefinition table = table("decimals", column("d", new SqlType.DecimalType(6, 2)));
        List<List<Object>> rows = fixture.load(table, CopyOptions.builder().roundDecimals().build(),
                "2.345\n-2.345\n2.344\n.5\n-0\n+7\n9999.994\n");
        assertEquals(List.of(row(235L), row(-235L), row(234L), row(50L), row(0L), row(700L), row(999999L)), rows);
    }

    @Test
    void decimalOverflowIsAnError() throws Exception {
        TableDefinition table = table("decimals", column("d", new SqlType.DecimalType(6, 2)));
        CepheidException error = fixture.loadFails(table, CopyOptions.builder().roundDecimals().build(), "1.00\n9999.995\n");
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertTrue(error.getMessage().endsWith("line 2, column d (field 1): numeric value out of range in \"9999.995\""
                + " for type numeric(6,2)"), error.getMessage());
    }

    @Test
    void integerErrorsNameFileLineColumnAndValue() throws Exception {
        TableDefinition table = table("sales", column("salesid", SqlType.INTEGER), column("qtysold", SqlType.SMALLINT));
        CepheidException error = fixture.loadFails(table, CopyOptions.defaults(), "1|2\n2|3\n3|12x\n");
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertEquals("Load into table 'sales' failed: " + directory.resolve("sales.txt")
                + " line 3, column qtysold (field 2): invalid digit in \"12x\" for type smallint", error.getMessage());
        CepheidException range = fixture.loadFails(table, CopyOptions.defaults(), "1|32768\n");
        assertTrue(range.getMessage().endsWith("line 1, column qtysold (field 2): value out of range in \"32768\" for type smallint"),
                range.getMessage());
        CepheidException bigint = fixture.loadFails(table("big", column("b", SqlType.BIGINT)), CopyOptions.defaults(),
                "9223372036854775808\n");
        assertTrue(bigint.getMessage().contains("value out of range"), bigint.getMessage());
    }

    @Test
    void badValuesOfOtherTypesAreErrors() throws Exception {
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.BOOLEAN)), CopyOptions.defaults(), "maybe\n")
                .getMessage().endsWith("invalid boolean in \"maybe\" for type boolean"));
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.DOUBLE)), CopyOptions.defaults(), "1.5d\n")
                .getMessage().endsWith("invalid digit in \"1.5d\" for type double precision"));
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.REAL)), CopyOptions.defaults(), "1e300\n")
                .getMessage().endsWith("value out of range in \"1e300\" for type real"));
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.DATE)), CopyOptions.defaults(), "2023-02-29\n")
                .getMessage().endsWith("date out of range in \"2023-02-29\" for type date"));
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.DATE)), CopyOptions.defaults(), "01/02/2023\n")
                .getMessage().contains("invalid date format"));
        assertTrue(fixture.loadFails(table("t", column("x", SqlType.TIMESTAMP)), CopyOptions.defaults(), "2023-01-01 24:00:00\n")
                .getMessage().endsWith("time out of range in \"2023-01-01 24:00:00\" for type timestamp without time zone"));
    }

    @Test
    void booleansAcceptRedshiftSpellings() throws Exception {
        List<List<Object>> rows = fixture.load(table("flags", column("x", SqlType.BOOLEAN)), CopyOptions.defaults(),
                "t\nf\nTRUE\nfalse\n1\n0\ny\nN\nyes\nNo\n");
        List<List<Object>> expected = new ArrayList<>();
        for (boolean value : new boolean[] {true, false, true, false, true, false, true, false, true, false}) {
            expected.add(row(value));
        }
        assertEquals(expected, rows);
    }

    @Test
    void stringsLongerThanTheColumnFailByBytes() throws Exception {
        TableDefinition table = table("names", column("v", new SqlType.VarcharType(4)));
        assertEquals(List.of(row("abcd"), row("éé")), fixture.load(table, CopyOptions.defaults(), "abcd\néé\n"));
        CepheidException error = fixture.loadFails(table, CopyOptions.defaults(), "abcd\néée\n");
        assertTrue(error.getMessage().endsWith("line 2, column v (field 1): value too long (5 bytes) in \"éée\""
                + " for type character varying(4)"), error.getMessage());
        CepheidException charError = fixture.loadFails(table("codes", column("c", new SqlType.CharType(2))),
                CopyOptions.defaults(), "abc\n");
        assertTrue(charError.getMessage().contains("value too long (3 bytes)"), charError.getMessage());
    }

    @Test
    void charValuesLoseTrailingBlanksBeforeTheLengthCheck() throws Exception {
        TableDefinition table = table("codes", column("c", new SqlType.CharType(2)));
        assertEquals(List.of(row("ab"), row(" a")), fixture.load(table, CopyOptions.defaults(), "ab   \n a \n"));
    }

    @Test
    void notNullColumnsRejectNulls() throws Exception {
        TableDefinition table = table("strict", notNull("id", SqlType.INTEGER), column("v", SqlType.VARCHAR));
        CepheidException error = fixture.loadFails(table, CopyOptions.defaults(), "1|a\n|b\n");
        assertTrue(error.getMessage().endsWith("line 2, column id (field 1): NULL value for NOT NULL column of type integer"),
                error.getMessage());
        CepheidException marker = fixture.loadFails(table, CopyOptions.defaults(), "\\N|b\n");
        assertTrue(marker.getMessage().contains("NULL value for NOT NULL column"), marker.getMessage());
    }

    @Test
    void columnsMissingFromTheListGetTheirDefaults() throws Exception {
        TableDefinition table = table("defaults", column("id", SqlType.INTEGER), column("note", SqlType.VARCHAR),
                column("score", SqlType.DOUBLE), column("flag", SqlType.BOOLEAN), column("gone", SqlType.DATE),
                column("ratio", SqlType.REAL), column("label", SqlType.VARCHAR), column("since", SqlType.DATE));
        java.nio.file.Path file = fixture.write("defaults.txt", "a|1\nb|2\n");
        List<Object> defaults = new ArrayList<>(java.util.Arrays.asList(null, null, 0.5, true, null, 0.25, "n/a", 19000L));
        CopyRequest request = new CopyRequest(file.toString(), table, List.of(1, 0), defaults, CopyOptions.defaults(),
                fixture.appender, fixture.allocator, null, 1);
        CopyResult result = LocalFileCopy.run(request);
        assertEquals(2, result.rowsLoaded());
        assertEquals(List.of(row(1L, "a", 0.5, true, null, 0.25, "n/a", 19000L), row(2L, "b", 0.5, true, null, 0.25, "n/a", 19000L)),
                fixture.appender.rows());
        fixture.assertNoLeak();
    }

    @Test
    void notNullColumnWithoutDefaultMissingFromTheListFailsUpFront() throws Exception {
        TableDefinition table = table("strict", column("id", SqlType.INTEGER), notNull("name", SqlType.VARCHAR));
        java.nio.file.Path file = fixture.write("strict.txt", "1\n");
        CopyRequest request = new CopyRequest(file.toString(), table, List.of(0), java.util.Arrays.asList(null, null),
                CopyOptions.defaults(), fixture.appender, fixture.allocator, null, 1);
        CepheidException error = org.junit.jupiter.api.Assertions.assertThrows(CepheidException.class,
                () -> LocalFileCopy.run(request));
        assertEquals(ErrorCode.NOT_NULL_VIOLATION, error.code());
        fixture.assertNoLeak();
    }
}
