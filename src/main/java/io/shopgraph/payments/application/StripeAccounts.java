package io.shopgraph.payments.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import jakarta.transaction.Transactional;

import io.shopgraph.payments.domain.PaymentSettingsErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.persistence.NativeRows;

/**
 * The current store's Stripe account: its publishable key (public), its secret key and its webhook signing
 * secrets, the latter encrypted with {@link SecretCipher} and never returned by any API. We support a store's
 * own Stripe account (its secret key and webhook secrets), not Stripe Connect: Connect would make ShopGraph a
 * Stripe platform with its own onboarding, fees and liability, and route every store's events through one
 * platform webhook; a seller pasting its own keys needs none of that. (Connect would fit later as a
 * {@code Stripe-Account} header per store on the same client.)
 */
@ApplicationScoped
public class StripeAccounts {

    /** At most this many webhook secrets at once (a rotation needs two; Stripe allows 16 endpoints). */
    public static final int MAX_WEBHOOK_SECRETS = 5;
    private static final Pattern PUBLISHABLE = Pattern.compile("pk_(test|live)_[A-Za-z0-9]{8,247}");
    private static final Pattern SECRET = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{8,247}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{8,247}");

    /** Decrypted credentials, for calls to Stripe only: never logged, never returned. */
    public record Credentials(String secretKey, List<String> webhookSecrets) {

        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }

    /** What a merchant may see of the account: the publishable key, and only the tail of each secret. */
    public record AccountView(String publishableKey, String secretKeyHint, List<String> webhookSecretHints, Instant connectedAt,
            Instant updatedAt) {
    }

    /** A change: null leaves a part as it is. {@code addWebhookSecret} is added, {@code removeWebhookSecretHints} removed. */
    public record Change(String publishableKey, String secretKey, String addWebhookSecret, List<String> removeWebhookSecretHints) {
    }

    private final EntityManager em;

    private final NativeRows db;
    private final PaymentRecords records;
    private final SecretCipher cipher;

    StripeAccounts(EntityManager em, NativeRows db, PaymentRecords records, SecretCipher cipher) {
        this.em = em;
        this.db = db;
        this.records = records;
        this.cipher = cipher;
    }

    static String secretKeyContext(UUID store) {
        return "payments/stripe/secret-key/" + store;
    }

    static String webhookSecretContext(UUID store) {
        return "payments/stripe/webhook-secret/" + store;
    }

    @Transactional
    public Optional<Credentials> credentials() {
        return row().map(r -> {
            UUID store = records.store();
            List<String> hooks = new ArrayList<>();
            for (String sealed : (String[]) r[2]) {
                hooks.add(cipher.decrypt(sealed, webhookSecretContext(store)));
            }
            return new Credentials(cipher.decrypt((String) r[1], secretKeyContext(store)), List.copyOf(hooks));
        });
    }

    /** The publishable key alone (no decryption): what storefronts and {@code settings()} read. */
    @Transactional
    public Optional<String> publishableKey() {
        // Plain JDBC: every checkout asks it (the storefront's answer carries the key).
        List<Object> keys = db.sql("select publishable_key from payments.stripe_account where store_id = :store")
                .param("store", records.store()).column();
        return keys.stream().findFirst().map(String.class::cast);
    }

    @Transactional
    public Optional<AccountView> account() {
        return row().map(this::view);
    }

    /** Connects (or replaces) the store's account. */
    @Transactional
    public AccountView connect(String publishableKey, String secretKey, String webhookSecret) {
        requireCipher();
        check(publishableKey, PUBLISHABLE, "publishableKey", "A publishable key looks like pk_live_... or pk_test_....");
        check(secretKey, SECRET, "secretKey", "A secret key looks like sk_live_..., sk_test_... or a restricted rk_... key.");
        check(webhookSecret, WEBHOOK_SECRET, "webhookSecret", "A webhook signing secret looks like whsec_....");
        sameMode(publishableKey, secretKey);
        UUID store = records.store();
        Instant now = Instant.now();
        em.createNativeQuery("insert into payments.stripe_account (store_id, publishable_key, secret_key_enc, webhook_secrets_enc, "
                + "connected_at, updated_at) values (:store, :pk, :sk, cast(:hooks as text[]), :now, :now) on conflict (store_id) do update "
                + "set publishable_key = excluded.publishable_key, secret_key_enc = excluded.secret_key_enc, "
                + "webhook_secrets_enc = excluded.webhook_secrets_enc, connected_at = excluded.connected_at, updated_at = excluded.updated_at")
                .setParameter("store", store).setParameter("pk", publishableKey)
                .setParameter("sk", cipher.encrypt(secretKey, secretKeyContext(store)))
                .setParameter("hooks", array(List.of(cipher.encrypt(webhookSecret, webhookSecretContext(store)))))
                .setParameter("now", now).executeUpdate();
        return account().orElseThrow();
    }

    /** Rotates keys and secrets: a new secret key, a webhook secret added beside the old one, old ones removed. */
    @Transactional
    public AccountView update(Change change) {
        Object[] r = lockedRow().orElseThrow(() -> new DomainException(PaymentSettingsErrorCode.NOT_CONNECTED,
                "The store has no Stripe account connected."));
        requireCipher();
        UUID store = records.store();
        String publishable = (String) r[0];
        String secretSealed = (String) r[1];
        if (change.publishableKey() != null) {
            check(change.publishableKey(), PUBLISHABLE, "publishableKey", "A publishable key looks like pk_live_... or pk_test_....");
            publishable = change.publishableKey();
        }
        if (change.secretKey() != null) {
            check(change.secretKey(), SECRET, "secretKey", "A secret key looks like sk_live_..., sk_test_... or a restricted rk_... key.");
            secretSealed = cipher.encrypt(change.secretKey(), secretKeyContext(store));
        }
        sameMode(publishable, cipher.decrypt(secretSealed, secretKeyContext(store)));
        List<String> kept = new ArrayList<>();
        List<String> remove = change.removeWebhookSecretHints() == null ? List.of() : change.removeWebhookSecretHints();
        for (String sealed : (String[]) r[2]) {
            if (!remove.contains(hint(cipher.decrypt(sealed, webhookSecretContext(store))))) {
                kept.add(sealed);
            }
        }
        if (change.addWebhookSecret() != null) {
            check(change.addWebhookSecret(), WEBHOOK_SECRET, "addWebhookSecret", "A webhook signing secret looks like whsec_....");
            kept.add(cipher.encrypt(change.addWebhookSecret(), webhookSecretContext(store)));
        }
        if (kept.isEmpty()) {
            throw new DomainException(PaymentSettingsErrorCode.INVALID_INPUT, List.of("input", "removeWebhookSecretHints"),
                    "Keep at least one webhook secret, or disconnect the account.");
        }
        if (kept.size() > MAX_WEBHOOK_SECRETS) {
            throw new DomainException(PaymentSettingsErrorCode.INVALID_INPUT, List.of("input", "addWebhookSecret"),
                    "At most " + MAX_WEBHOOK_SECRETS + " webhook secrets; remove an old one first.");
        }
        em.createNativeQuery("update payments.stripe_account set publishable_key = :pk, secret_key_enc = :sk, "
                + "webhook_secrets_enc = cast(:hooks as text[]), updated_at = now() where store_id = :store")
                .setParameter("pk", publishable).setParameter("sk", secretSealed).setParameter("hooks", array(kept))
                .setParameter("store", store).executeUpdate();
        return account().orElseThrow();
    }

    /** Disconnects: the secrets are deleted; new payments use the manual provider. Returns whether one was connected. */
    @Transactional
    public boolean disconnect() {
        return em.createNativeQuery("delete from payments.stripe_account where store_id = :store").setParameter("store", records.store())
                .executeUpdate() == 1;
    }

    /** Re-encrypts the store's secrets with the current key if any was written with an older one; whether it did. */
    @Transactional
    public boolean reencrypt() {
        Optional<Object[]> locked = lockedRow();
        if (locked.isEmpty() || !cipher.ready()) {
            return false;
        }
        Object[] r = locked.get();
        String[] hooks = (String[]) r[2];
        boolean stale = cipher.stale((String) r[1]) || Arrays.stream(hooks).anyMatch(cipher::stale);
        if (!stale) {
            return false;
        }
        UUID store = records.store();
        List<String> resealed = Arrays.stream(hooks)
                .map(h -> cipher.encrypt(cipher.decrypt(h, webhookSecretContext(store)), webhookSecretContext(store))).toList();
        em.createNativeQuery("update payments.stripe_account set secret_key_enc = :sk, webhook_secrets_enc = cast(:hooks as text[]) "
                + "where store_id = :store")
                .setParameter("sk", cipher.encrypt(cipher.decrypt((String) r[1], secretKeyContext(store)), secretKeyContext(store)))
                .setParameter("hooks", array(resealed)).setParameter("store", store).executeUpdate();
        return true;
    }

    private AccountView view(Object[] r) {
        UUID store = records.store();
        List<String> hints = Arrays.stream((String[]) r[2]).map(h -> hint(cipher.decrypt(h, webhookSecretContext(store)))).toList();
        return new AccountView((String) r[0], hint(cipher.decrypt((String) r[1], secretKeyContext(store))), hints,
                PaymentRow.instant(r[3]), PaymentRow.instant(r[4]));
    }

    /** The last four characters: enough to tell secrets apart, useless to an attacker. */
    static String hint(String secret) {
        return secret.substring(Math.max(0, secret.length() - 4));
    }

    private Optional<Object[]> row() {
        return select("");
    }

    private Optional<Object[]> lockedRow() {
        return select(" for update");
    }

    private Optional<Object[]> select(String suffix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select publishable_key, secret_key_enc, webhook_secrets_enc, connected_at, updated_at "
                + "from payments.stripe_account where store_id = :store" + suffix).setParameter("store", records.store()).getResultList();
        return rows.stream().findFirst();
    }

    private void requireCipher() {
        if (!cipher.ready()) {
            throw new DomainException(PaymentSettingsErrorCode.ENCRYPTION_NOT_CONFIGURED,
                    "This installation has no key to encrypt payment secrets with (shopgraph.payments.encryption.current-key).");
        }
    }

    private static void check(String value, Pattern pattern, String field, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new DomainException(PaymentSettingsErrorCode.INVALID_INPUT, List.of("input", field), message);
        }
    }

    private static void sameMode(String publishableKey, String secretKey) {
        if (publishableKey.contains("_live_") != secretKey.contains("_live_")) {
            throw new DomainException(PaymentSettingsErrorCode.INVALID_INPUT, List.of("input", "secretKey"),
                    "The publishable key and the secret key are of different modes (live and test).");
        }
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"').append(values.get(i)).append('"'); // base64 and "v1:": nothing to escape
        }
        return out.append('}').toString();
    }
}
