package io.cepheid.storage.table;

/**
 * What a VACUUM of one table does. {@code thresholdPercent} (TO n PERCENT, 0 to 100, default 95): the sort
 * phase is skipped when at least that share of the stored rows is in the sorted region already, and the
 * delete phase when at least that share of them is live.
 */
public record VacuumOptions(Mode mode, int thresholdPercent) {
    public static final int DEFAULT_THRESHOLD_PERCENT = 95;

    public enum Mode {
        /** Reclaim deleted rows and merge the unsorted region into the sorted one (Redshift's default). */
        FULL,
        SORT_ONLY,
        DELETE_ONLY,
        /** FULL, except that an INTERLEAVED table is re-sorted on fresh z-order keys whatever its sortedness. */
        REINDEX
    }

    public VacuumOptions {
        if (thresholdPercent < 0 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold " + thresholdPercent + " is not a percentage");
        }
    }

    boolean sorts() {
        return mode != Mode.DELETE_ONLY;
    }

    boolean reclaims() {
        return mode != Mode.SORT_ONLY;
    }
}
