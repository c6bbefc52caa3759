package io.cepheid.loader.copy;

import io.cepheid.loader.format.ConversionOptions;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

/**
 * The data format and conversion parameters of one COPY, already parsed from the statement.
 * Build one with {@link #builder()}; unset options take Redshift's defaults (DELIMITER '|', or ',' for
 * CSV; QUOTE '"'; NULL AS '\N'; DATEFORMAT 'YYYY-MM-DD'; TIMEFORMAT 'YYYY-MM-DD HH:MI:SS'; MAXERROR 0).
 *
 * @param dateFormat null for the default, 'auto' or a pattern
 * @param timeFormat null for the default, 'auto', 'epochsecs', 'epochmillisecs' or a pattern
 * @param acceptInvChars the replacement character for invalid UTF-8 (ACCEPTINVCHARS, default '?'), or null
 */
public record CopyOptions(
        CopyFormat format,
        char delimiter,
        char quote,
        int ignoreHeader,
        String nullAs,
        boolean gzip,
        String dateFormat,
        String timeFormat,
        int maxError,
        boolean emptyAsNull,
        boolean blanksAsNull,
        boolean trimBlanks,
        boolean truncateColumns,
        boolean removeQuotes,
        boolean escape,
        boolean fillRecord,
        Character acceptInvChars,
        boolean roundDecimals) {

    public CopyOptions {
        if (format == null) {
            throw invalid("COPY format must be given");
        }
        if (delimiter == '\n' || delimiter == '\r' || delimiter > 127) {
            throw invalid("COPY delimiter must be a single ASCII character other than a line break");
        }
        if (format == CopyFormat.CSV && (quote > 127 || quote == delimiter || quote == '\n')) {
            throw invalid("CSV quote character must be an ASCII character other than the delimiter");
        }
        if (format == CopyFormat.CSV && (escape || removeQuotes)) {
            throw invalid("CSV cannot be used with " + (escape ? "ESCAPE" : "REMOVEQUOTES"));
        }
        if (ignoreHeader < 0) {
            throw invalid("IGNOREHEADER must not be negative");
        }
        if (maxError < 0) {
            throw invalid("MAXERROR must not be negative");
        }
        if (acceptInvChars != null && (acceptInvChars > 127 || acceptInvChars == 0)) {
            throw invalid("ACCEPTINVCHARS replacement must be an ASCII character");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Redshift's defaults: pipe-delimited text, nothing tolerated. */
    public static CopyOptions defaults() {
        return builder().build();
    }

    /** The subset that converts single fields. */
    public ConversionOptions conversion() {
        return new ConversionOptions(dateFormat, timeFormat, emptyAsNull, blanksAsNull, trimBlanks, truncateColumns,
                acceptInvChars == null ? 0 : (byte) acceptInvChars.charValue(), roundDecimals);
    }

    private static CepheidException invalid(String message) {
        return new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    /** Collects options in any order, the way the COPY statement lists them. */
    public static final class Builder {
        private CopyFormat format = CopyFormat.TEXT;
        private Character delimiter;
        private char quote = '"';
        private int ignoreHeader;
        private String nullAs = "\\N";
        private boolean gzip;
        private String dateFormat;
        private String timeFormat;
        private int maxError;
        private boolean emptyAsNull;
        private boolean blanksAsNull;
        private boolean trimBlanks;
        private boolean truncateColumns;
        private boolean removeQuotes;
        private boolean escape;
        private boolean fillRecord;
        private Character acceptInvChars;
        private boolean roundDecimals;

        private Builder() {
        }

        public Builder csv() {
            this.format = CopyFormat.CSV;
            return this;
        }

        public Builder csv(char quote) {
            this.format = CopyFormat.CSV;
            this.quote = quote;
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder ignoreHeader(int lines) {
            this.ignoreHeader = lines;
            return this;
        }

        public Builder nullAs(String nullAs) {
            this.nullAs = nullAs;
            return this;
        }

        public Builder gzip() {
            this.gzip = true;
            return this;
        }

        public Builder dateFormat(String dateFormat) {
            this.dateFormat = dateFormat;
            return this;
        }

        public Builder timeFormat(String timeFormat) {
            this.timeFormat = timeFormat;
            return this;
        }

        public Builder maxError(int maxError) {
            this.maxError = maxError;
            return this;
        }

        public Builder emptyAsNull() {
            this.emptyAsNull = true;
            return this;
        }

        public Builder blanksAsNull() {
            this.blanksAsNull = true;
            return this;
        }

        public Builder trimBlanks() {
            this.trimBlanks = true;
            return this;
        }

        public Builder roundDecimals() {
            this.roundDecimals = true;
            return this;
        }

        public Builder truncateColumns() {
            this.truncateColumns = true;
            return this;
        }

        public Builder removeQuotes() {
            this.removeQuotes = true;
            return this;
        }

        public Builder escape() {
            this.escape = true;
            return this;
        }

        public Builder fillRecord() {
            this.fillRecord = true;
            return this;
        }

        /** ACCEPTINVCHARS with its default replacement '?'. */
        public Builder acceptInvChars() {
            return acceptInvChars('?');
        }

        public Builder acceptInvChars(char replacement) {
            this.acceptInvChars = replacement;
            return this;
        }

        /**
         * Applies one option as the COPY statement spells it ({@code "DELIMITER", "|"}, {@code "GZIP", null}),
         * keyword in any case; the argument is the option's value without quotes, or null for a flag. For
         * the SQL layer, so that the keyword list lives in one place.
         */
        public Builder option(String keyword, String argument) {
            switch (keyword.toUpperCase(java.util.Locale.ROOT)) {
                case "CSV" -> {
                    format = CopyFormat.CSV;
                    if (argument != null) {
                        quote = singleCharacter(keyword, argument);
                    }
                }
                case "QUOTE" -> quote = singleCharacter(keyword, argument);
                case "DELIMITER" -> delimiter = singleCharacter(keyword, argument);
                case "IGNOREHEADER" -> ignoreHeader = integer(keyword, argument);
                case "NULL" -> nullAs = required(keyword, argument);
                case "GZIP" -> gzip = true;
                case "DATEFORMAT" -> dateFormat = required(keyword, argument);
                case "TIMEFORMAT" -> timeFormat = required(keyword, argument);
                case "MAXERROR" -> maxError = integer(keyword, argument);
                case "EMPTYASNULL" -> emptyAsNull = true;
                case "BLANKSASNULL" -> blanksAsNull = true;
                case "TRIMBLANKS" -> trimBlanks = true;
                case "TRUNCATECOLUMNS" -> truncateColumns = true;
                case "ROUNDEC" -> roundDecimals = true;
                case "REMOVEQUOTES" -> removeQuotes = true;
                case "ESCAPE" -> escape = true;
                case "FILLRECORD" -> fillRecord = true;
                case "ACCEPTINVCHARS" -> acceptInvChars = argument == null ? '?' : singleCharacter(keyword, argument);
                // Blank lines are always skipped; compression analysis and statistics belong to the caller.
                case "IGNOREBLANKLINES", "COMPUPDATE", "STATUPDATE" -> { }
                default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "COPY option " + keyword + " is not supported for local files");
            }
            return this;
        }

        private static String required(String keyword, String argument) {
            if (argument == null) {
                throw invalid("COPY option " + keyword + " needs a value");
            }
            return argument;
        }

        private static char singleCharacter(String keyword, String argument) {
            String value = required(keyword, argument);
            String unescaped = value.equals("\\t") ? "\t" : value;
            if (unescaped.length() != 1) {
                throw invalid("COPY option " + keyword + " must be a single character: '" + value + "'");
            }
            return unescaped.charAt(0);
        }

        private static int integer(String keyword, String argument) {
            try {
                return Integer.parseInt(required(keyword, argument).trim());
            } catch (NumberFormatException e) {
                throw invalid("COPY option " + keyword + " must be a whole number: '" + argument + "'");
            }
        }

        public CopyOptions build() {
            char effectiveDelimiter = delimiter != null ? delimiter : format == CopyFormat.CSV ? ',' : '|';
            return new CopyOptions(format, effectiveDelimiter, quote, ignoreHeader, nullAs, gzip, dateFormat,
                    timeFormat, maxError, emptyAsNull, blanksAsNull, trimBlanks, truncateColumns, removeQuotes,
                    escape, fillRecord, acceptInvChars, roundDecimals);
        }
    }
}
