package io.cepheid.loader.copy;

/** The text layouts COPY reads from local files: Redshift's delimited text (the default) and CSV. */
public enum CopyFormat {
    TEXT,
    CSV
}
