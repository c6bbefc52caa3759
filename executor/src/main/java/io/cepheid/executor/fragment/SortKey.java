package io.cepheid.executor.fragment;

import java.io.Serializable;

/** One ORDER BY key: an input column, its direction, and where nulls go. */
public record SortKey(int column, boolean descending, boolean nullsFirst) implements Serializable {
}
