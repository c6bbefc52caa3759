package io.cepheid.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * A parsed {@code jdbc:cepheid:} URL: {@code jdbc:cepheid:mem:}, {@code jdbc:cepheid:mem:name} or
 * {@code jdbc:cepheid:file:/dir}, each naming the embedded warehouse location handed to {@code Engines.open}.
 */
public record CepheidUrl(String location) {
    public static final String PREFIX = "jdbc:cepheid:";

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Parses {@code url}; a remote URL ({@code jdbc:cepheid://host:port/db}) is refused until the wire client exists. */
    public static CepheidUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw new SQLNonTransientConnectionException("not a Cepheid URL: " + url, "08001");
        }
        String rest = url.substring(PREFIX.length());
        // Properties may follow the location after ';' or '?': they are not used by the embedded engine yet.
        int end = indexOfAny(rest, ";?");
        String location = end < 0 ? rest : rest.substring(0, end);
        if (location.startsWith("//")) {
            throw new SQLNonTransientConnectionException(
                    "remote Cepheid connections (" + url + ") are not supported yet; use jdbc:cepheid:mem: or jdbc:cepheid:file:/dir",
                    "08001");
        }
        if (location.startsWith("mem:")) {
            return new CepheidUrl(location);
        }
        if (location.startsWith("file:") && location.length() > "file:".length()) {
            return new CepheidUrl(location);
        }
        throw new SQLNonTransientConnectionException(
                "unsupported Cepheid URL " + url + ": expected jdbc:cepheid:mem:[name] or jdbc:cepheid:file:/dir", "08001");
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
