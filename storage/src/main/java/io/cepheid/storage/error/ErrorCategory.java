package io.cepheid.storage.error;

/** Who is at fault for an error: the user's input, Cepheid itself, a resource limit, or something outside. */
public enum ErrorCategory {
    USER,
    INTERNAL,
    RESOURCE,
    EXTERNAL
}
