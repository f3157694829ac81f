package io.shopgraph.payments.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * A lost webhook must not leave a paid order unpaid: every few minutes, for each store with Stripe payments
 * still PENDING or PROCESSING after {@code shopgraph.payments.reconciler.min-age}, ask Stripe for each
 * PaymentIntent and apply its status through the one writer (exactly what the webhook would have done; if the
 * webhook comes later it changes nothing). The same pass re-encrypts the store's secrets after a key rotation.
 * Stripe is called outside any transaction. Safe on several instances at once: the writer is idempotent.
 */
@ApplicationScoped
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);

    /** What one run did. */
    public record Result(int stores, int asked, int changed, int reencrypted) {
    }

    private final TenantScope scope;
    private final Scan scan;
    private final PaymentRecords records;
    private final PaymentService payments;
    private final StripeAccounts accounts;
    private final PaymentsConfig config;

    PaymentReconciler(TenantScope scope, Scan scan, PaymentRecords records, PaymentService payments, StripeAccounts accounts,
            PaymentsConfig config) {
        this.scope = scope;
        this.scan = scan;
        this.records = records;
        this.payments = payments;
        this.accounts = accounts;
        this.config = config;
    }

    @Scheduled(every = "${shopgraph.payments.reconciler.every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = runOnce();
            LOG.debugf("payments reconciler: %s", result);
        } catch (RuntimeException e) {
            LOG.warn("payments reconciler failed; the next run tries again", e);
        }
    }

    /** One pass over every store with unsettled Stripe payments, or with a Stripe account to re-encrypt. */
    public Result runOnce() {
        int asked = 0;
        int changed = 0;
        int reencrypted = 0;
        List<UUID> stores = scan.stores();
        for (UUID store : stores) {
            int[] counts = scope.call(new StoreId(store), () -> {
                int a = 0;
                int c = 0;
                int r = accounts.reencrypt() ? 1 : 0;
                for (PaymentRow row : records.unsettled(config.reconciler().minAge(), config.reconciler().batch())) {
                    a++;
                    var outcome = payments.refresh(row.id());
                    if (outcome.payment() != null && outcome.payment().status() != row.status()) {
                        c++;
                    }
                }
                return new int[] {a, c, r};
            });
            asked += counts[0];
            changed += counts[1];
            reencrypted += counts[2];
        }
        return new Result(stores.size(), asked, changed, reencrypted);
    }

    /** The store list, read for no store: the transaction declares itself a scan, admitted by RLS for SELECT only. */
    @ApplicationScoped
    static class Scan {

        private final EntityManager em;

        Scan(EntityManager em) {
            this.em = em;
        }

        @ActivateRequestContext
        @Transactional
        List<UUID> stores() {
            em.createNativeQuery("select set_config('app.payments_scan', 'on', true)").getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select store_id from payments.payment where provider = 'STRIPE' "
                    + "and status in ('PENDING', 'PROCESSING') union select store_id from payments.stripe_account order by 1")
                    .getResultList();
            return rows.stream().map(PaymentRow::uuid).toList();
        }
    }
}
