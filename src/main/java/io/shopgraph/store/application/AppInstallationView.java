package io.shopgraph.store.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.domain.AppInstallation;

@Type("AppInstallation")
@Description("A partner app installed in the store: bearer tokens whose azp or client_id claim is its client id get "
        + "exactly its scopes.")
public record AppInstallationView(
        @Id @NonNull @Description("The installation's global id.") String id,
        @NonNull @Description("The app's OIDC client id (the azp or client_id claim of its tokens).") String clientId,
        @NonNull @Description("The scopes granted to the app in this store.") List<@NonNull Scope> scopes,
        @NonNull @Description("When the app was installed.") Instant installedAt,
        @Description("When the app was uninstalled; null while it is installed.") Instant uninstalledAt) {

    public static final String TYPE = "AppInstallation";

    static AppInstallationView of(AppInstallation app) {
        List<Scope> scopes = Arrays.stream(app.scopes).map(Scope::valueOf).sorted().toList();
        return new AppInstallationView(GlobalId.format(TYPE, app.id), app.clientId, scopes, app.installedAt,
                app.uninstalledAt);
    }
}
