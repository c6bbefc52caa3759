package io.cepheid.loader.format;

/**
 * The data conversion parameters of COPY that decide how one field becomes one value.
 * {@code invalidCharReplacement} is the ACCEPTINVCHARS byte, or 0 when invalid UTF-8 is an error.
 * {@code roundDecimals} is ROUNDEC: extra fraction digits of a DECIMAL round half away from zero instead of
 * being truncated (Redshift's default).
 */
public record ConversionOptions(
        String dateFormat,
        String timeFormat,
        boolean emptyAsNull,
        boolean blanksAsNull,
        boolean trimBlanks,
        boolean truncateColumns,
        byte invalidCharReplacement,
        boolean roundDecimals) {
}
