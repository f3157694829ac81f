package io.shopgraph.customers.application;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The password hashing pool: PBKDF2 runs here, on a few threads of its own with a short queue, and
 * never while the caller holds a database connection or transaction (callers hash between their
 * transactions). A flood of sign-ins therefore takes at most {@code threads} cores and no connection;
 * past the queue it is refused at once ({@link Busy}) rather than piling up workers.
 */
@ApplicationScoped
public class PasswordWork {

    /** The pool is full: the caller answers THROTTLED. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("password checks are saturated", null, false, false);
        }
    }

    private final ThreadPoolExecutor pool;

    PasswordWork(CustomersConfig config) {
        int threads = config.password().threads();
        int queue = config.password().queue();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "password-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} on the pool and waits for it; {@link Busy} when the pool and its queue are full. */
    public <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Busy();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Busy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
