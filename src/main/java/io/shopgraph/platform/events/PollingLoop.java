package io.shopgraph.platform.events;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.quarkus.logging.Log;

/**
 * A background thread that runs a round of work, then waits for the poll interval or a wake-up, whichever comes
 * first: the webhook and notification senders. Committed work wakes them at once ({@link #wake}); the poll finds
 * retries coming due and other instances' work. A round that fails is logged and tried again at the next poll.
 */
public final class PollingLoop {

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken; // guarded by lock
    private volatile boolean running;
    private Thread thread;

    /** {@code name} names the thread and the warnings of failed rounds. */
    public PollingLoop(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Work was committed: run a round now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                round.run();
                lock.lock();
                try {
                    if (!woken) {
                        signal.awaitNanos(interval.toNanos());
                    }
                    woken = false;
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                Log.warnf("%s: %s; retrying at the next poll", name, e.toString());
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
