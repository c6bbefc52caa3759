package io.cepheid.cli;

/** How query results are printed: psql's aligned table, or CSV with a header row ({@code --csv}). */
public enum OutputFormat {
    ALIGNED,
    CSV
}
