package io.cepheid.loader.copy;

/**
 * One rejected input row, as stl_load_errors shows it: the file, the line where the record starts,
 * the column, its type and its 1-based field position (null, null and 0 when the whole record is wrong),
 * the raw record, the raw field value (null when the record is wrong) and the reason.
 */
public record LoadError(
        String file,
        long line,
        String columnName,
        String columnType,
        int fieldPosition,
        String rawLine,
        String rawFieldValue,
        String reason) {

    /** "/data/sales.txt line 17, column qtysold (field 4): invalid digit ..." */
    public String describe() {
        StringBuilder text = new StringBuilder().append(file).append(" line ").append(line);
        if (columnName != null) {
            text.append(", column ").append(columnName).append(" (field ").append(fieldPosition).append(')');
        }
        return text.append(": ").append(reason).toString();
    }
}
