package io.shopgraph.digital.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * {@code PUT /uploads/{token}}, the second step of a staged upload: the token (shown once by
 * digitalFileUploadCreate, stored as its hash) names one PENDING file of one store until it expires. The bytes are
 * streamed to a staging file with no database connection held, then moved into storage and the file marked READY,
 * in the file's store.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class);

    /** A pending upload the token names. */
    public record Target(UUID store, UUID fileId, long byteSize, String storageKey) {
    }

    private final TenantScope scope;
    private final Tx tx;
    private final FileStorage storage;

    Uploads(TenantScope scope, Tx tx, FileStorage storage) {
        this.scope = scope;
        this.tx = tx;
        this.storage = storage;
    }

    public Optional<Target> target(String token) {
        if (token == null || token.length() > 100 || !token.startsWith(DigitalCommands.UPLOAD_PREFIX)) {
            return Optional.empty();
        }
        return tx.find(OpaqueTokens.hash(token));
    }

    public Path stagingFile() throws IOException {
        return storage.stagingFile();
    }

    /** Attaches the staged bytes when they are exactly the declared size; false (and the staged file removed) otherwise. */
    public boolean complete(Target target, Path staged) throws IOException {
        try {
            if (Files.size(staged) != target.byteSize()) {
                return false;
            }
            storage.store(target.storageKey(), staged);
            boolean attached = scope.call(new StoreId(target.store()), () -> tx.attach(target.fileId()));
            if (!attached) {
                storage.delete(target.storageKey()); // expired or deleted meanwhile
            }
            return attached;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    public void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            LOG.debugf(e, "Staged upload %s stays", staged);
        }
    }

    @ApplicationScoped
    static class Tx {

        private final Sql sql;
        private final EntityManager em;
        private final TenantContext tenant;

        Tx(Sql sql, EntityManager em, TenantContext tenant) {
            this.sql = sql;
            this.em = em;
            this.tenant = tenant;
        }

        /** Before any store is bound: the transaction declares the hash, and may read that file's row only. */
        @Transactional
        Optional<Target> find(String hash) {
            sql.query("select set_config('app.digital_token_hash', ?, true)", rs -> null, hash);
            return sql.query("select store_id, id, byte_size, storage_key from digital.file where upload_token_hash = ? "
                    + "and status = 'PENDING' and upload_expires_at > now()", rs -> new Target(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4)), hash).stream().findFirst();
        }

        @Transactional
        boolean attach(UUID fileId) {
            return em.createNativeQuery("update digital.file set status = 'READY', uploaded_at = now(), upload_token_hash = null, "
                    + "upload_expires_at = null where store_id = :s and id = :id and status = 'PENDING' and upload_expires_at > now()")
                    .setParameter("s", tenant.requireStore().value()).setParameter("id", fileId).executeUpdate() == 1;
        }
    }
}
