package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.assertRoundTrips;
import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** COPY with Redshift's options in any order. */
class CopyParseTest {

    @Test
    void tableColumnsSourceAndOptionsInOrder() {
        SqlCopy copy = parseAs("""
            COPY sales.orders (id, placed) FROM 's3://bucket/orders/'
            IAM_ROLE 'arn:aws:iam::123:role/r' CSV QUOTE AS '"' IGNOREHEADER 1 GZIP
            DELIMITER ',' NULL AS '\\N' DATEFORMAT 'auto' MAXERROR AS 10 REGION 'us-east-1'""",
            SqlCopy.class);
        assertEquals(List.of("sales", "orders"), copy.table().names);
        assertEquals(2, copy.columns().size());
        assertEquals("s3://bucket/orders/", copy.source());
        assertEquals(List.of(CopyOptionKind.IAM_ROLE, CopyOptionKind.CSV, CopyOptionKind.QUOTE,
                CopyOptionKind.IGNOREHEADER, CopyOptionKind.GZIP, CopyOptionKind.DELIMITER,
                CopyOptionKind.NULL, CopyOptionKind.DATEFORMAT, CopyOptionKind.MAXERROR, CopyOptionKind.REGION),
            copy.options().stream().map(CopyOption::kind).toList());
        assertEquals("arn:aws:iam::123:role/r", copy.options().get(0).value());
        assertNull(copy.options().get(1).value());
        assertEquals("\"", copy.options().get(2).value());
        assertEquals(1, copy.options().get(3).intValue());
        assertEquals(",", copy.options().get(5).value());
        assertEquals("\\N", copy.options().get(6).value());
        assertEquals("auto", copy.options().get(7).value());
        assertEquals(10, copy.options().get(8).intValue());
        assertEquals("us-east-1", copy.options().get(9).value());
    }

    @Test
    void withKeywordAndNoColumns() {
        SqlCopy copy = parseAs("COPY t FROM '/data/t.psv' WITH DELIMITER '|' EMPTYASNULL", SqlCopy.class);
        assertTrue(copy.columns().isEmpty());
        assertEquals(2, copy.options().size());
    }

    @Test
    void noOptions() {
        assertTrue(parseAs("COPY t FROM '/data/t.txt';", SqlCopy.class).options().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "FORMAT AS PARQUET | FORMAT | PARQUET | NULL",
        "FORMAT CSV | FORMAT | CSV | NULL",
        "FORMAT AS JSON 'auto' | FORMAT | JSON | auto",
        "FORMAT JSON 's3://b/paths.json' | FORMAT | JSON | s3://b/paths.json",
        "JSON AS 'auto' | JSON | auto | NULL",
        "ZSTD | ZSTD | NULL | NULL",
        "BZIP2 | BZIP2 | NULL | NULL",
        "LZOP | LZOP | NULL | NULL",
        "TIMEFORMAT AS 'epochsecs' | TIMEFORMAT | epochsecs | NULL",
        "TIMEFORMAT 'YYYY-MM-DD HH:MI:SS' | TIMEFORMAT | YYYY-MM-DD HH:MI:SS | NULL",
        "BLANKSASNULL | BLANKSASNULL | NULL | NULL",
        "TRIMBLANKS | TRIMBLANKS | NULL | NULL",
        "TRUNCATECOLUMNS | TRUNCATECOLUMNS | NULL | NULL",
        "REMOVEQUOTES | REMOVEQUOTES | NULL | NULL",
        "ESCAPE | ESCAPE | NULL | NULL",
        "ACCEPTINVCHARS | ACCEPTINVCHARS | NULL | NULL",
        "ACCEPTINVCHARS AS '^' | ACCEPTINVCHARS | ^ | NULL",
        "FILLRECORD | FILLRECORD | NULL | NULL",
        "MANIFEST | MANIFEST | NULL | NULL",
        "IAM_ROLE default | IAM_ROLE | default | NULL",
        "CREDENTIALS AS 'aws_iam_role=arn' | CREDENTIALS | aws_iam_role=arn | NULL",
        "ACCESS_KEY_ID 'AKIA' | ACCESS_KEY_ID | AKIA | NULL",
        "SECRET_ACCESS_KEY 'secret' | SECRET_ACCESS_KEY | secret | NULL",
        "COMPUPDATE | COMPUPDATE | NULL | NULL",
        "COMPUPDATE OFF | COMPUPDATE | OFF | NULL",
        "COMPUPDATE ON | COMPUPDATE | ON | NULL",
        "COMPUPDATE TRUE | COMPUPDATE | ON | NULL",
        "COMPUPDATE PRESET | COMPUPDATE | PRESET | NULL",
        "STATUPDATE FALSE | STATUPDATE | OFF | NULL",
    })
    void eachOption(String written, CopyOptionKind kind, String value, String argument) {
        SqlCopy copy = parseAs("COPY t FROM 'src' " + written + " GZIP", SqlCopy.class);
        assertEquals(2, copy.options().size(), "option must not swallow the GZIP after it");
        CopyOption option = copy.options().get(0);
        assertEquals(kind, option.kind());
        assertEquals(value, option.value());
        assertEquals(argument, option.argument());
        assertEquals(CopyOptionKind.GZIP, copy.options().get(1).kind());
    }

    @Test
    void unknownOptionIsNamedWithItsPosition() {
        String message = syntaxError("COPY t FROM 'src' GZIP BOGUSOPT 1");
        assertEquals("syntax error at or near \"BOGUSOPT\" (line 1, column 24): unknown COPY option \"bogusopt\"",
            message);
    }

    @Test
    void unknownFormatIsAnError() {
        assertTrue(syntaxError("COPY t FROM 'src' FORMAT AS XML").contains("unknown COPY format \"xml\""));
    }

    @Test
    void missingValueIsAnError() {
        assertTrue(syntaxError("COPY t FROM 'src' DELIMITER GZIP")
            .startsWith("syntax error at or near \"GZIP\" (line 1, column 29)"));
        assertTrue(syntaxError("COPY t FROM 'src' IGNOREHEADER 'x'")
            .startsWith("syntax error at or near \"'x'\" (line 1, column 32)"));
    }

    @Test
    void roundTrips() {
        String printed = assertRoundTrips("""
            COPY t (a, b) FROM 's3://b/k' IAM_ROLE default FORMAT AS JSON 'auto' GZIP DELIMITER '|'
            NULL AS 'it''s' IGNOREHEADER 2 ACCEPTINVCHARS COMPUPDATE OFF STATUPDATE""");
        assertTrue(printed.contains("NULL 'it''s'"), printed);
        assertRoundTrips("COPY t FROM 'x' CSV QUOTE '\"' MAXERROR 5 ACCEPTINVCHARS '^' ESCAPE MANIFEST");
    }
}
