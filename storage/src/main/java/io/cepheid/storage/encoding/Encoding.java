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

    /** Parses an ENCODE keyword, case-insensitively. */
    public static Encoding fromSql(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, "unknown encoding \"" + name + "\"");
        }
    }
}
