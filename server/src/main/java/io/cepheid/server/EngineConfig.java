package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.Properties;

/**
 * Settings of one embedded engine. {@code slices}: how many parts tables are split into (default: the
 * number of cores, at least 2); {@code queryMemoryLimit}: default per-query memory budget in bytes.
 */
public record EngineConfig(int slices, long queryMemoryLimit) {
    public static final long DEFAULT_QUERY_MEMORY_LIMIT = 4L << 30;

    public static EngineConfig from(Properties properties) {
        int slices = Math.max(2, Runtime.getRuntime().availableProcessors());
        long limit = DEFAULT_QUERY_MEMORY_LIMIT;
        String slicesText = properties.getProperty("slices");
        if (slicesText != null) {
            slices = parsePositive("slices", slicesText);
        }
        String limitText = properties.getProperty("query_memory_limit");
        if (limitText != null) {
            limit = MemorySize.parse(limitText);
        }
        return new EngineConfig(slices, limit);
    }

    private static int parsePositive(String name, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, name + " must be a positive integer, not \"" + text + "\"");
    }
}
