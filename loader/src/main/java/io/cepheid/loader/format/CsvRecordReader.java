package io.cepheid.loader.format;

import java.io.InputStream;

/**
 * CSV as RFC 4180 defines it: a field that starts with the quote character runs to the matching quote
 * and may contain delimiters, line breaks and doubled quotes (one literal quote). Text after a closing
 * quote is kept as part of the field rather than rejected, as most loaders do.
 */
public final class CsvRecordReader extends RecordReader {
    private final byte quote;

    public CsvRecordReader(InputStream input, byte delimiter, byte quote, String nullAs) {
        super(input, delimiter, nullAs);
        this.quote = quote;
    }

    @Override
    protected int parseRecord(int start) {
        byte[] buf = buffer;
        beginRecord(scratch);
        int out = 0;
        int fieldOut = 0;
        int rawStart = start;
        boolean fieldQuoted = false;
        boolean inQuotes = false;
        int lines = 0;
        int p = start;
        while (p < limit) {
            byte b = buf[p];
            if (inQuotes) {
                if (b == quote) {
                    if (p + 1 >= limit && !endOfInput) {
                        return -1; // cannot tell a closing quote from a doubled one yet
                    }
                    if (p + 1 < limit && buf[p + 1] == quote) {
                        ensureScratch(out);
                        scratch[out++] = quote;
                        p += 2;
                        continue;
                    }
                    inQuotes = false;
                    p++;
                    continue;
                }
                if (b == '\n') {
                    lines++;
                }
                ensureScratch(out);
                scratch[out++] = b;
                p++;
                continue;
            }
            if (b == quote && p == rawStart) {
                inQuotes = true;
                fieldQuoted = true;
                p++;
                continue;
            }
            if (b == '\n') {
                int rawEnd = p;
                if (p > start && buf[p - 1] == '\r') {
                    rawEnd--;
                    if (out > fieldOut) {
                        out--;
                    }
                }
                addField(fieldOut, out, rawStart, rawEnd, fieldQuoted);
                position = p + 1;
                nextLine += lines + 1;
                return rawEnd;
            }
            if (b == delimiter) {
                addField(fieldOut, out, rawStart, p, fieldQuoted);
                fieldOut = out;
                rawStart = p + 1;
                fieldQuoted = false;
            } else {
                ensureScratch(out);
                scratch[out++] = b;
            }
            p++;
        }
        if (!endOfInput) {
            return -1;
        }
        if (inQuotes) {
            recordProblem = "unterminated quoted field (quote '" + (char) quote + "')";
        }
        int rawEnd = p;
        if (!inQuotes && p > start && buf[p - 1] == '\r') {
            rawEnd--;
            if (out > fieldOut) {
                out--;
            }
        }
        addField(fieldOut, out, rawStart, rawEnd, fieldQuoted);
        position = p;
        nextLine += lines;
        return rawEnd;
    }
}
