package io.shopgraph.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;

/**
 * One read-only transaction for a whole GraphQL query instead of one per batch resolver.
 * <p>
 * Every {@code @Transactional} read method would otherwise begin a transaction, take a pooled connection,
 * bind it to the store ({@code set_config}) and commit: three round trips and a JTA transaction per
 * resolver. While a query operation executes on its worker thread ({@link #open()}), the transaction is
 * begun the moment the request is bound to its store ({@link #storeBound()}, from {@code TenantContext}),
 * so that credential lookups made before (in their own transactions) never share it and the connection is
 * bound to the store once, read-only ({@link #readOnly()}). The resolvers' {@code @Transactional} methods
 * join it. It ends when the operation's execution has returned ({@link Scope#close()}, on the same thread);
 * anything still running later (never, while every resolver runs on the request's worker thread) simply
 * uses its own transactions again.
 * <p>
 * A resolver that fails inside a joined transaction marks it rollback-only; {@link #recover()} then
 * replaces it with a fresh one so the other fields of the document still read (as they did with one
 * transaction each). Mutations never use it.
 */
public final class ReadTransaction {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static volatile TransactionManager manager;

    private ReadTransaction() {
    }

    /** The read transaction of a query operation running on this thread. */
    public static final class Scope implements AutoCloseable {
        private Transaction transaction;
        private boolean closed;

        /** Ends the transaction (commit; rollback when it failed) and leaves the thread as it was. */
        @Override
        public void close() {
            if (closed || CURRENT.get() != this) {
                return;
            }
            closed = true;
            CURRENT.remove();
            Transaction tx = transaction;
            transaction = null;
            if (tx != null) {
                end(tx);
            }
        }
    }

    /** Called when a query operation starts executing on this thread. */
    public static Scope open() {
        Scope stale = CURRENT.get();
        if (stale != null) {
            stale.close();
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        return scope;
    }

    /** The request was bound to its store: begins the query's transaction when none is running. */
    public static void storeBound() {
        Scope scope = CURRENT.get();
        if (scope == null || scope.transaction != null) {
            return;
        }
        try {
            TransactionManager tm = manager();
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return; // bound inside someone else's transaction: leave it alone
            }
            tm.begin();
            scope.transaction = tm.getTransaction();
        } catch (Exception e) {
            Log.debugf("No request read transaction: %s", e);
        }
    }

    /** Whether the current transaction is the query's read transaction (its connection is made read-only). */
    public static boolean readOnly() {
        Scope scope = CURRENT.get();
        if (scope == null || scope.transaction == null) {
            return false;
        }
        try {
            return scope.transaction.equals(manager().getTransaction());
        } catch (SystemException e) {
            return false;
        }
    }

    /** After a failed field: a read transaction marked rollback-only is replaced by a fresh one. */
    public static void recover() {
        Scope scope = CURRENT.get();
        if (scope == null || scope.transaction == null) {
            return;
        }
        try {
            TransactionManager tm = manager();
            if (scope.transaction.equals(tm.getTransaction()) && tm.getStatus() != Status.STATUS_ACTIVE) {
                tm.rollback();
                tm.begin();
                scope.transaction = tm.getTransaction();
            }
        } catch (Exception e) {
            Log.debugf("Could not renew the request read transaction: %s", e);
        }
    }

    private static void end(Transaction tx) {
        try {
            TransactionManager tm = manager();
            if (tx.equals(tm.getTransaction())) {
                if (tm.getStatus() == Status.STATUS_ACTIVE) {
                    tm.commit();
                } else {
                    tm.rollback();
                }
            } else {
                tx.rollback(); // not associated with this thread any more: nothing was written anyway
            }
        } catch (Exception e) {
            Log.warnf("Ending the request read transaction failed: %s", e.toString());
            try {
                if (tx.equals(manager().getTransaction())) {
                    manager().suspend();
                }
            } catch (SystemException ignored) {
                // the thread is left without a transaction either way
            }
        }
    }

    private static TransactionManager manager() {
        TransactionManager tm = manager;
        if (tm == null) {
            tm = Arc.container().instance(TransactionManager.class).get();
            manager = tm;
        }
        return tm;
    }
}
