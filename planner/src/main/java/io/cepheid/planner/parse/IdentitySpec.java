package io.cepheid.planner.parse;

/** A column's IDENTITY(seed, step) clause: values start at {@code seed} and grow by {@code step}. */
public record IdentitySpec(long seed, long step) {
}
