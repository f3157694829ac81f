package io.shopgraph.digital.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.digital.domain.LinkTokens;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * {@code GET /downloads/{token}}: the token's hash finds its grant (the only row row-level security lets a
 * transaction without a store read, once it declared that hash); then, bound to the grant's store, one conditional
 * update counts the download only while the link is neither expired nor used up, and names the file. Both
 * transactions are over before a byte is sent.
 */
@ApplicationScoped
public class Downloads {

    /** What the endpoint answers. */
    public sealed interface Outcome {
    }

    /** No such link (404). */
    public record Unknown() implements Outcome {
    }

    /** The link existed and no longer works: expired, used up, or its file was deleted (410). */
    public record Gone() implements Outcome {
    }

    /** Counted: send this stored file. */
    public record Send(String storageKey, String fileName, String contentType, long byteSize) implements Outcome {
    }

    private final TenantScope scope;
    private final Counter counter;

    Downloads(TenantScope scope, Counter counter) {
        this.scope = scope;
        this.counter = counter;
    }

    public Outcome download(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return new Unknown();
        }
        Optional<Grant> grant = counter.find(OpaqueTokens.hash(token));
        if (grant.isEmpty()) {
            return new Unknown();
        }
        return scope.call(new StoreId(grant.get().store()), () -> counter.count(grant.get().id()).<Outcome>map(o -> o).orElse(new Gone()));
    }

    record Grant(UUID store, UUID id) {
    }

    /** The counted download, in the grant's store. */
    @ApplicationScoped
    static class Counter {

        private final EntityManager em;
        private final TenantContext tenant;
        private final Sql sql;

        Counter(EntityManager em, TenantContext tenant, Sql sql) {
            this.em = em;
            this.tenant = tenant;
            this.sql = sql;
        }

        /** Before any store is bound: the transaction declares the hash, and may read that grant's row only. */
        @Transactional
        Optional<Grant> find(String hash) {
            sql.query("select set_config('app.digital_token_hash', ?, true)", rs -> null, hash);
            return sql.query("select store_id, id from digital.download_grant where token_hash = ?",
                    rs -> new Grant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), hash).stream().findFirst();
        }

        @Transactional
        Optional<Send> count(UUID grantId) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("update digital.download_grant g set download_count = g.download_count + 1, "
                    + "last_download_at = now() from digital.file f where g.store_id = :s and g.id = :id and g.expires_at > now() "
                    + "and g.download_count < g.download_limit and f.store_id = g.store_id and f.id = g.file_id and f.status = 'READY' "
                    + "returning f.storage_key, f.file_name, f.content_type, f.byte_size")
                    .setParameter("s", tenant.requireStore().value()).setParameter("id", grantId).getResultList();
            return rows.stream().findFirst().map(r -> new Send((String) r[0], (String) r[1], (String) r[2], Rows.longValue(r[3])));
        }
    }
}
