package io.cepheid.loader.copy;

/**
 * Lets the caller of a parallel COPY wait until every worker that started has finished, and keeps workers
 * that the executor starts later from starting at all. Without it, a worker queued behind busy pool threads
 * could allocate its batch after the COPY had already returned.
 */
final class WorkerGate {
    private int active;
    private boolean closed;

    /** Registers a starting worker; false when the COPY is over and the worker must not run. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        active++;
        return true;
    }

    synchronized void exit() {
        active--;
        notifyAll();
    }

    /**
     * Closes the gate and waits for the workers inside. An interrupt does not cut the wait short (the workers
     * hold memory); it cancels the load through {@code context} and is reported by the return value.
     */
    synchronized boolean closeAndAwait(LoadContext context) {
        closed = true;
        boolean interrupted = false;
        while (active > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
                context.cancel();
            }
        }
        return interrupted;
    }
}
