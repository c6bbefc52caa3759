package io.cepheid.loader.format;

/** UTF-8 validation and repair for loaded strings (ACCEPTINVCHARS), working on byte ranges. */
public final class Utf8 {
    private Utf8() {
    }

    /** Length of the valid UTF-8 sequence at {@code p}, or 0 when the bytes there are not valid UTF-8. */
    static int sequenceLength(byte[] bytes, int p, int end) {
        int b = bytes[p] & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        int length;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (p + length > end) {
            return 0;
        }
        int codePoint = b & (0x7F >> length);
        for (int i = 1; i < length; i++) {
            int next = bytes[p + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return 0;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return 0;
        }
        return length;
    }

    /** True when bytes[start, end) are valid UTF-8; a pure ASCII range is checked with one cheap loop. */
    public static boolean isValid(byte[] bytes, int start, int end) {
        int p = start;
        while (p < end && bytes[p] >= 0) {
            p++;
        }
        while (p < end) {
            int length = sequenceLength(bytes, p, end);
            if (length == 0) {
                return false;
            }
            p += length;
        }
        return true;
    }

    /**
     * Copies bytes[start, end) to {@code target}, replacing each invalid byte with {@code replacement}
     * (an ASCII byte); returns the bytes written. {@code target} must hold end - start bytes.
     */
    public static int replaceInvalid(byte[] bytes, int start, int end, byte replacement, byte[] target) {
        int out = 0;
        int p = start;
        while (p < end) {
            int length = sequenceLength(bytes, p, end);
            if (length == 0) {
                target[out++] = replacement;
                p++;
            } else {
                System.arraycopy(bytes, p, target, out, length);
                out += length;
                p += length;
            }
        }
        return out;
    }

    /** The largest length <= maxBytes that does not cut a multi-byte character of bytes[start, start+length). */
    public static int truncatedLength(byte[] bytes, int start, int maxBytes) {
        int cut = maxBytes;
        while (cut > 0 && (bytes[start + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
