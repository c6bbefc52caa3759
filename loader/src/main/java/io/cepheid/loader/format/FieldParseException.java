package io.cepheid.loader.format;

/**
 * A field that cannot be converted to its column's type; the message is the reason as stl_load_errors shows it.
 * Thrown per bad row, so it carries no stack trace: a file with thousands of tolerated bad rows (MAXERROR)
 * must not pay for one each.
 */
public final class FieldParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public FieldParseException(String reason) {
        super(reason, null, false, false);
    }
}
