package io.cepheid.planner.parse;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The options Redshift's COPY accepts, each with the shape of the value that follows its name.
 * The grammar reads an option name as a word and looks it up here, so adding an option is one
 * constant, not a new keyword.
 */
public enum CopyOptionKind {
    DELIMITER(ValueShape.STRING),
    CSV(ValueShape.NONE),
    /** CSV's quote character; only meaningful together with CSV. */
    QUOTE(ValueShape.STRING),
    /** FORMAT [AS] CSV | PARQUET | JSON ['auto' | 'jsonpaths'] | AVRO | ORC: value is the format name. */
    FORMAT(ValueShape.FORMAT),
    /** JSON [AS] 'auto' | 's3://jsonpaths': the short spelling of FORMAT AS JSON. */
    JSON(ValueShape.STRING),
    IGNOREHEADER(ValueShape.INTEGER),
    NULL(ValueShape.STRING),
    GZIP(ValueShape.NONE),
    ZSTD(ValueShape.NONE),
    BZIP2(ValueShape.NONE),
    LZOP(ValueShape.NONE),
    DATEFORMAT(ValueShape.STRING),
    TIMEFORMAT(ValueShape.STRING),
    MAXERROR(ValueShape.INTEGER),
    EMPTYASNULL(ValueShape.NONE),
    BLANKSASNULL(ValueShape.NONE),
    TRIMBLANKS(ValueShape.NONE),
    TRUNCATECOLUMNS(ValueShape.NONE),
    /** Round DECIMAL fields with more fraction digits than the scale instead of truncating them. */
    ROUNDEC(ValueShape.NONE),
    REMOVEQUOTES(ValueShape.NONE),
    ESCAPE(ValueShape.NONE),
    /** ACCEPTINVCHARS [[AS] 'c']: value is the replacement character, or null for Redshift's '?'. */
    ACCEPTINVCHARS(ValueShape.OPTIONAL_STRING),
    FILLRECORD(ValueShape.NONE),
    MANIFEST(ValueShape.NONE),
    /** IAM_ROLE 'arn' | DEFAULT: value is the ARN or {@link CopyOption#DEFAULT_ROLE}. */
    IAM_ROLE(ValueShape.ROLE),
    CREDENTIALS(ValueShape.STRING),
    ACCESS_KEY_ID(ValueShape.STRING),
    SECRET_ACCESS_KEY(ValueShape.STRING),
    SESSION_TOKEN(ValueShape.STRING),
    REGION(ValueShape.STRING),
    /** COMPUPDATE [ON | OFF | TRUE | FALSE | PRESET]: value is ON, OFF, PRESET, or null (= ON). */
    COMPUPDATE(ValueShape.SWITCH),
    /** STATUPDATE [ON | OFF | TRUE | FALSE]: value is ON, OFF, or null (= ON). */
    STATUPDATE(ValueShape.SWITCH);

    /** What follows an option's name. */
    public enum ValueShape {
        /** Nothing: GZIP. */
        NONE,
        /** [AS] 'text': DELIMITER AS '|'. */
        STRING,
        /** Optionally [AS] 'text': ACCEPTINVCHARS, ACCEPTINVCHARS AS '^'. */
        OPTIONAL_STRING,
        /** [AS] n: IGNOREHEADER 1. */
        INTEGER,
        /** 'arn' or the word DEFAULT. */
        ROLE,
        /** Optionally ON, OFF, TRUE, FALSE or PRESET. */
        SWITCH,
        /** [AS] format-name ['argument']. */
        FORMAT
    }

    private static final Set<String> SWITCH_WORDS = Set.of("OFF", "PRESET");
    private static final Set<String> FORMATS = Set.of("CSV", "JSON", "PARQUET", "AVRO", "ORC");

    private final ValueShape valueShape;

    CopyOptionKind(ValueShape valueShape) {
        this.valueShape = valueShape;
    }

    public ValueShape valueShape() {
        return valueShape;
    }

    /** The option named {@code word} (any case), or null when COPY has no such option. */
    public static @Nullable CopyOptionKind lookup(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether {@code word} is a switch value spelled as a plain word (OFF, PRESET); ON, TRUE and
     * FALSE are keywords the grammar matches itself.
     */
    public static boolean isSwitchWord(String word) {
        return SWITCH_WORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Validates a FORMAT name and returns it upper-cased. */
    public static String formatName(SqlIdentifier word) {
        String name = word.getSimple().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(name)) {
            throw ParseErrors.at(word.getParserPosition(), "unknown COPY format \"" + word.getSimple() + "\"");
        }
        return name;
    }
}
