package io.cepheid.executor.fragment;

import java.io.Serializable;

/**
 * The rows a window aggregate sees, relative to the current row. For ROWS frames {@code start} and
 * {@code end} are row offsets (negative: preceding); for RANGE frames only 0 (the current row's peers)
 * and the unbounded ends are allowed. {@link #UNBOUNDED_PRECEDING} and {@link #UNBOUNDED_FOLLOWING} mark
 * the partition's ends.
 */
public record WindowFrame(boolean range, long start, long end) implements Serializable {
    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;

    /** The whole partition: the frame of a window without ORDER BY. */
    public static final WindowFrame WHOLE_PARTITION = new WindowFrame(false, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
    /** RANGE UNBOUNDED PRECEDING AND CURRENT ROW: the default frame with ORDER BY (peers included). */
    public static final WindowFrame RUNNING = new WindowFrame(true, UNBOUNDED_PRECEDING, 0);

    public WindowFrame {
        if (range && (start != UNBOUNDED_PRECEDING && start != 0 || end != UNBOUNDED_FOLLOWING && end != 0)) {
            throw new IllegalArgumentException("RANGE frames support only UNBOUNDED and CURRENT ROW bounds");
        }
    }

    public boolean startUnbounded() {
        return start == UNBOUNDED_PRECEDING;
    }

    public boolean endUnbounded() {
        return end == UNBOUNDED_FOLLOWING;
    }
}
