package io.cepheid.executor.expression;

/**
 * Character-level edits of UTF-8 held in byte arrays (a row copied into scratch), for the string functions
 * that count characters rather than bytes. Every method reads {@code [0, length)} of its inputs and writes
 * into a caller-owned {@link Output}, so a batch allocates nothing per row.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    /** A growable byte buffer reused from row to row. */
    static final class Output {
        byte[] bytes = new byte[256];
        int length;

        void clear() {
            length = 0;
        }

        void append(byte[] source, int from, int count) {
            ensure(length + count);
            System.arraycopy(source, from, bytes, length, count);
            length += count;
        }

        void append(byte b) {
            ensure(length + 1);
            bytes[length++] = b;
        }

        void appendCodePoint(int codePoint) {
            ensure(length + 4);
            length = encode(codePoint, bytes, length);
        }

        private void ensure(int capacity) {
            if (bytes.length < capacity) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
            }
        }
    }

    /** Bytes of the character that starts with {@code lead} (1 for a stray continuation byte). */
    static int characterLength(byte lead) {
        int b = lead & 0xFF;
        if (b < 0xC0) {
            return 1;
        }
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }

    static int characterCount(byte[] text, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if ((text[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Byte offset just after the first {@code characters} characters, or {@code length} when there are fewer. */
    static int offsetOfCharacter(byte[] text, int length, long characters) {
        int at = 0;
        for (long c = 0; c < characters && at < length; c++) {
            at += characterLength(text[at]);
        }
        return Math.min(at, length);
    }

    static int codePointAt(byte[] text, int at) {
        int b = text[at] & 0xFF;
        int size = characterLength(text[at]);
        if (size == 1) {
            return b;
        }
        int codePoint = b & (0xFF >> (size + 1));
        for (int j = 1; j < size; j++) {
            codePoint = (codePoint << 6) | (text[at + j] & 0x3F);
        }
        return codePoint;
    }

    /** Writes {@code codePoint} as UTF-8 at {@code at}; returns the offset after it. */
    static int encode(int codePoint, byte[] out, int at) {
        if (codePoint < 0x80) {
            out[at++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[at++] = (byte) (0xC0 | codePoint >> 6);
            out[at++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            out[at++] = (byte) (0xE0 | codePoint >> 12);
            out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[at++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            out[at++] = (byte) (0xF0 | codePoint >> 18);
            out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[at++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return at;
    }

    /** Byte index of the first occurrence of {@code needle} at or after {@code from}, or -1. */
    static int indexOf(byte[] text, int length, byte[] needle, int needleLength, int from) {
        outer:
        for (int i = from; i <= length - needleLength; i++) {
            for (int j = 0; j < needleLength; j++) {
                if (text[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** POSITION / STRPOS / CHARINDEX: 1-based character position of {@code needle}, 0 when absent. */
    static int position(byte[] text, int length, byte[] needle, int needleLength) {
        int at = indexOf(text, length, needle, needleLength, 0);
        return at < 0 ? 0 : characterCount(text, at) + 1;
    }

    /** LEFT (from the start) or RIGHT (from the end): {@code n} characters; a negative n drops |n| from the other end. */
    static void leftOrRight(byte[] text, int length, long n, boolean left, Output out) {
        int characters = characterCount(text, length);
        long keep = n >= 0 ? Math.min(n, characters) : Math.max(0, characters + n);
        int cut = offsetOfCharacter(text, length, left ? keep : characters - keep);
        if (left) {
            out.append(text, 0, cut);
        } else {
            out.append(text, cut, length - cut);
        }
    }

    /** LPAD / RPAD to {@code target} characters with {@code fill} repeated; a longer value is cut to target. */
    static void pad(byte[] text, int length, long target, byte[] fill, int fillLength, boolean left, Output out) {
        if (target <= 0) {
            return;
        }
        int characters = characterCount(text, length);
        if (characters >= target || fillLength == 0) {
            out.append(text, 0, offsetOfCharacter(text, length, target));
            return;
        }
        if (!left) {
            out.append(text, 0, length);
        }
        long missing = target - characters;
        for (int at = 0; missing > 0; missing--) {
            int size = characterLength(fill[at]);
            out.append(fill, at, size);
            at += size;
            if (at >= fillLength) {
                at = 0;
            }
        }
        if (left) {
            out.append(text, 0, length);
        }
    }

    /** REPLACE: every occurrence of {@code from} (when not empty) becomes {@code to}. */
    static void replace(byte[] text, int length, byte[] from, int fromLength, byte[] to, int toLength, Output out) {
        if (fromLength == 0) {
            out.append(text, 0, length);
            return;
        }
        int at = 0;
        for (int hit; (hit = indexOf(text, length, from, fromLength, at)) >= 0; at = hit + fromLength) {
            out.append(text, at, hit - at);
            out.append(to, 0, toLength);
        }
        out.append(text, at, length - at);
    }

    /** TRANSLATE: each character found in {@code from} becomes the character at the same place in {@code to}, or is dropped. */
    static void translate(byte[] text, int length, byte[] from, int fromLength, byte[] to, int toLength, Output out) {
        for (int at = 0; at < length; ) {
            int size = characterLength(text[at]);
            int index = characterIndex(from, fromLength, text, at, size);
            if (index < 0) {
                out.append(text, at, size);
            } else {
                int target = offsetOfCharacter(to, toLength, index);
                if (target < toLength) {
                    out.append(to, target, characterLength(to[target]));
                }
            }
            at += size;
        }
    }

    /** The character index in {@code set} of the character at {@code text[at, at + size)}, or -1. */
    private static int characterIndex(byte[] set, int setLength, byte[] text, int at, int size) {
        int index = 0;
        for (int s = 0; s < setLength; index++) {
            int setSize = characterLength(set[s]);
            if (setSize == size && java.util.Arrays.equals(set, s, s + size, text, at, at + size)) {
                return index;
            }
            s += setSize;
        }
        return -1;
    }

    /** REVERSE, character by character (multi-byte characters keep their byte order). */
    static void reverse(byte[] text, int length, Output out) {
        int end = length;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && (text[start] & 0xC0) == 0x80) {
                start--;
            }
            out.append(text, start, end - start);
            end = start;
        }
    }

    /** SPLIT_PART: field {@code field} (1-based) of the text split at {@code delimiter}; empty when there are fewer. */
    static void splitPart(byte[] text, int length, byte[] delimiter, int delimiterLength, long field, Output out) {
        if (delimiterLength == 0) {
            if (field == 1) {
                out.append(text, 0, length);
            }
            return;
        }
        int start = 0;
        for (long f = 1; f < field; f++) {
            int hit = indexOf(text, length, delimiter, delimiterLength, start);
            if (hit < 0) {
                return;
            }
            start = hit + delimiterLength;
        }
        int end = indexOf(text, length, delimiter, delimiterLength, start);
        out.append(text, start, (end < 0 ? length : end) - start);
    }

    /**
     * INITCAP: the first letter of each word upper case, the others lower case; words are runs of letters and
     * digits. ASCII is mapped in place; other characters through their code points.
     */
    static void initcap(byte[] text, int length, Output out) {
        boolean wordStart = true;
        for (int at = 0; at < length; ) {
            int codePoint = codePointAt(text, at);
            at += characterLength(text[at]);
            int mapped = wordStart ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint);
            out.appendCodePoint(mapped);
            wordStart = !Character.isLetterOrDigit(codePoint);
        }
    }
}
