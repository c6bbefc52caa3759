package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.Locale;

/** Parses memory sizes as settings are written: {@code 1048576}, {@code 512MB}, {@code 2GB}, {@code 64kB}. */
public final class MemorySize {
    private MemorySize() {
    }

    public static long parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long multiplier = 1;
        for (String[] suffix : new String[][]{{"TB", "" + (1L << 40)}, {"GB", "" + (1L << 30)}, {"MB", "" + (1L << 20)},
                {"KB", "" + (1L << 10)}, {"B", "1"}}) {
            if (value.endsWith(suffix[0])) {
                multiplier = Long.parseLong(suffix[1]);
                value = value.substring(0, value.length() - suffix[0].length());
                break;
            }
        }
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return Math.multiplyExact(number, multiplier);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the error below
        }
        throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid memory size \"" + text + "\": use a positive number of bytes, optionally with kB, MB, GB or TB");
    }
}
