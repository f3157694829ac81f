package io.shopgraph.store.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.domain.AppInstallation;
import io.shopgraph.store.domain.AppInstallationErrorCode;
import io.shopgraph.store.domain.AppInstallationRepository;
import io.shopgraph.store.domain.StoreRules;

/** Installing partner apps in the current store and granting them scopes. */
@ApplicationScoped
public class AppInstallationCommands {

    private final AppInstallationRepository apps;

    AppInstallationCommands(AppInstallationRepository apps) {
        this.apps = apps;
    }

    @Transactional
    public AppInstallationView install(String clientId, Collection<Scope> scopes) {
        String clean = StoreRules.appClientId(clientId);
        String[] granted = StoreRules.grantableScopes(scopes, List.of("input", "scopes"));
        if (apps.findLive(clean).isPresent()) {
            throw new DomainException(AppInstallationErrorCode.ALREADY_INSTALLED, List.of("input", "clientId"),
                    "An app with this client id is already installed.");
        }
        AppInstallation app = new AppInstallation();
        app.id = Ids.newId();
        app.clientId = clean;
        app.scopes = granted;
        app.installedAt = Instant.now();
        apps.persist(app);
        return AppInstallationView.of(app);
    }

    @Transactional
    public AppInstallationView updateScopes(UUID id, Collection<Scope> scopes) {
        String[] granted = StoreRules.grantableScopes(scopes, List.of("scopes"));
        AppInstallation app = live(id);
        app.scopes = granted;
        return AppInstallationView.of(app);
    }

    @Transactional
    public AppInstallationView uninstall(UUID id) {
        AppInstallation app = live(id);
        app.uninstalledAt = Instant.now();
        return AppInstallationView.of(app);
    }

    private AppInstallation live(UUID id) {
        return apps.findByIdOptional(id).filter(AppInstallation::isInstalled).orElseThrow(() -> notFound());
    }

    public static DomainException notFound() {
        return new DomainException(AppInstallationErrorCode.NOT_FOUND, List.of("id"), "No installed app has this id.");
    }
}
