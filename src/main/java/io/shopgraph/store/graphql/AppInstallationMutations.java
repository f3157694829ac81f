package io.shopgraph.store.graphql;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.application.AppInstallationCommands;
import io.shopgraph.store.application.AppInstallationView;

/** Owners install partner apps, change the scopes granted to them and uninstall them. */
@GraphQLApi
public class AppInstallationMutations {

    private final AppInstallationCommands apps;

    AppInstallationMutations(AppInstallationCommands apps) {
        this.apps = apps;
    }

    @Mutation("appInstall")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: installs the partner app with this OIDC client id and grants it scopes (never manage_staff). "
            + "Needs manage_staff.")
    public AppInstallPayload appInstall(@NonNull @Name("input") @Description("The app to install.") AppInstallInput input) {
        return MutationSupport.run(() -> new AppInstallPayload(apps.install(input.clientId(), input.scopes()), List.of()),
                errors -> new AppInstallPayload(null, AppInstallationUserError.from(errors)));
    }

    @Mutation("appUpdateScopes")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: replaces the scopes granted to an installed app. Needs manage_staff.")
    public AppUpdateScopesPayload appUpdateScopes(
            @NonNull @Id @Name("id") @Description("The installation's global id.") String id,
            @NonNull @Name("scopes") @Description("The scopes the app gets from now on.") List<@NonNull Scope> scopes) {
        return MutationSupport.run(() -> new AppUpdateScopesPayload(apps.updateScopes(appId(id), scopes), List.of()),
                errors -> new AppUpdateScopesPayload(null, AppInstallationUserError.from(errors)));
    }

    @Mutation("appUninstall")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: uninstalls an app; its tokens open nothing in this store from then on. Needs manage_staff.")
    public AppUninstallPayload appUninstall(@NonNull @Id @Name("id") @Description("The installation's global id.") String id) {
        return MutationSupport.run(() -> new AppUninstallPayload(apps.uninstall(appId(id)), List.of()),
                errors -> new AppUninstallPayload(null, AppInstallationUserError.from(errors)));
    }

    private static UUID appId(String id) {
        return GlobalId.parse(id, AppInstallationView.TYPE).orElseThrow(AppInstallationCommands::notFound);
    }

    @Input("AppInstallInput")
    @Description("A partner app to install.")
    public record AppInstallInput(
            @NonNull @Description("The app's OIDC client id, as its tokens carry it in azp or client_id.") String clientId,
            @NonNull @Description("The scopes to grant (manage_staff cannot be granted).") List<@NonNull Scope> scopes) {
    }

    @Name("AppInstallPayload")
    @Description("The result of appInstall.")
    public record AppInstallPayload(
            @Description("The installation; null when the mutation failed.") AppInstallationView appInstallation,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull AppInstallationUserError> userErrors) {
    }

    @Name("AppUpdateScopesPayload")
    @Description("The result of appUpdateScopes.")
    public record AppUpdateScopesPayload(
            @Description("The installation; null when the mutation failed.") AppInstallationView appInstallation,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull AppInstallationUserError> userErrors) {
    }

    @Name("AppUninstallPayload")
    @Description("The result of appUninstall.")
    public record AppUninstallPayload(
            @Description("The uninstalled app; null when the mutation failed.") AppInstallationView appInstallation,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull AppInstallationUserError> userErrors) {
    }
}
