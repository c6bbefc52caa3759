package io.cepheid.storage.encoding;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.Locale;

/** Column compression encodings, by their Redshift {@code ENCODE} names. AUTO picks one per block. */
public enum Encoding {
    RAW,
    RUNLENGTH,
    DELTA,
    DELTA32K,
    MOSTLY8,
    MOSTLY16,
    MOSTLY32,
    BYTEDICT,
    /** Cepheid's AZ64: frame of reference + bit-packing, SIMD-decodable. */
    AZ64,
    LZ4,
    ZSTD,
    TEXT255,
    TEXT32K,
    AUTO;

    /**
     * The name Redshift's catalog shows (pg_table_def, ANALYZE COMPRESSION): lower case, and LZ4, which serves
     * Redshift's LZO, as {@code lzo}, so scripts that read the catalog see the names they wrote.
     */
    public String sqlName() {
        return this == LZ4 ? "lzo" : name().toLowerCase(Locale.ROOT);
    }

    /** Parses an ENCODE keyword, case-insensitively. Redshift's LZO is served by LZ4 (same role, faster). */
    public static Encoding fromSql(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("LZO")) {
            return LZ4;
        }
        try {
            return valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, "unknown encoding \"" + name + "\"");
        }
    }
}
