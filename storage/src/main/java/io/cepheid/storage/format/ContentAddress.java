package io.cepheid.storage.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names immutable files by their content (SHA-256 in hex plus a kind suffix), so a file name never
 * refers to two different contents and rewriting an existing file is harmless.
 */
public final class ContentAddress {
    public static final String ROW_GROUP_SUFFIX = ".rg";
    public static final String MANIFEST_SUFFIX = ".manifest";
    public static final String CATALOG_SUFFIX = ".catalog";
    public static final String DELETE_VECTOR_SUFFIX = ".dv";

    private ContentAddress() {
    }

    public static String name(byte[] content, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
