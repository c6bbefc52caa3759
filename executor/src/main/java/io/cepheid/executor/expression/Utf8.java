package io.cepheid.executor.expression;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Byte-level string operations on UTF-8 held in segments: comparison in unsigned byte order, blank trimming. */
public final class Utf8 {
    private Utf8() {
    }

    /** Compares two byte ranges as unsigned bytes (which is code point order for UTF-8). */
    public static int compare(MemorySegment a, long aStart, long aLength, MemorySegment b, long bStart, long bLength) {
        long mismatch = MemorySegment.mismatch(a, aStart, aStart + aLength, b, bStart, bStart + bLength);
        if (mismatch < 0) {
            return 0;
        }
        if (mismatch == aLength) {
            return -1;
        }
        if (mismatch == bLength) {
            return 1;
        }
        return Integer.compare(Byte.toUnsignedInt(a.get(ValueLayout.JAVA_BYTE, aStart + mismatch)),
                Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, bStart + mismatch)));
    }

    /** Length of {@code [start, start + length)} without trailing blanks: CHAR semantics. */
    public static int lengthWithoutTrailingBlanks(MemorySegment data, long start, int length) {
        int end = length;
        while (end > 0 && data.get(ValueLayout.JAVA_BYTE, start + end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** Number of characters (not continuation bytes) in a byte range. */
    public static int characterCount(MemorySegment data, long start, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if ((data.get(ValueLayout.JAVA_BYTE, start + i) & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Hash of a byte range (FNV-1a folded through a finalizer); equal bytes give equal hashes. */
    public static long hash(MemorySegment data, long start, int length) {
        long h = 0xcbf29ce484222325L;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ data.get(ValueLayout.JAVA_LONG_UNALIGNED, start + i)) * 0x100000001b3L;
        }
        for (; i < length; i++) {
            h = (h ^ data.get(ValueLayout.JAVA_BYTE, start + i)) * 0x100000001b3L;
        }
        return io.cepheid.executor.kernel.ScalarKernels.mix(h ^ length);
    }
}
