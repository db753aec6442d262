package dnp.kpm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a few threads that meet thousands of times a second (once per Chebyshev
 * step, ≈ 0.1–1 ms apart): waiting threads spin briefly (a parked thread takes tens of microseconds
 * to wake), then yield, so that a descheduled partner on a busy machine gets the core back. A thread
 * that fails calls {@link #fail}; everyone waiting then throws instead of waiting forever.
 */
final class SpinBarrier {
    private static final int SPINS = 1 << 12;
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile Throwable failure;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    void await() {
        if (parties == 1) {
            return;
        }
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;   // volatile write: publishes everything written before the barrier
            return;
        }
        int spins = 0;
        while (generation == g) {
            if (failure != null) {
                throw new IllegalStateException("another worker failed", failure);
            }
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void fail(Throwable t) {
        failure = t;
    }
}
