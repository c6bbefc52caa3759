package io.cepheid.planner.catalog;

import io.cepheid.storage.encoding.Encoding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** pg_table_def spells encodings as Redshift does. */
class SystemTablesTest {

    @Test
    void rawIsShownAsNoneAndLz4AsLzo() {
        assertEquals("none", SystemTables.encodingName(Encoding.RAW));
        assertEquals("lzo", SystemTables.encodingName(Encoding.fromSql("LZO")));
    }

    @Test
    void otherEncodingsAreTheirLowerCaseName() {
        assertEquals("az64", SystemTables.encodingName(Encoding.AZ64));
        assertEquals("delta32k", SystemTables.encodingName(Encoding.DELTA32K));
        assertEquals("text255", SystemTables.encodingName(Encoding.TEXT255));
    }
}
