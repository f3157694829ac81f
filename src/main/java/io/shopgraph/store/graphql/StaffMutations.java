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
import io.shopgraph.store.application.StaffCommands;
import io.shopgraph.store.application.StaffMemberView;
import io.shopgraph.store.domain.StaffRole;

/** Owners manage who works on the store: staff members and partner apps. */
@GraphQLApi
public class StaffMutations {

    private final StaffCommands staff;
    private final AppInstallationCommands apps;

    StaffMutations(StaffCommands staff, AppInstallationCommands apps) {
        this.staff = staff;
        this.apps = apps;
    }

    @Mutation("staffMemberAdd")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: makes the person with this OIDC issuer and subject a member with a role. Needs manage_staff.")
    public StaffMemberAddPayload staffMemberAdd(@NonNull @Name("input") @Description("The member to add.") StaffMemberAddInput input) {
        return MutationSupport.run(() -> new StaffMemberAddPayload(staff.add(input.issuer(), input.subject(), input.role()), List.of()),
                errors -> new StaffMemberAddPayload(null, StaffMemberUserError.from(errors)));
    }

    @Mutation("staffMemberUpdateRole")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: changes a member's role. The last OWNER cannot be demoted. Needs manage_staff.")
    public StaffMemberUpdateRolePayload staffMemberUpdateRole(
            @NonNull @Id @Name("id") @Description("The staff member's global id.") String id,
            @NonNull @Name("role") @Description("The new role.") StaffRole role) {
        return MutationSupport.run(() -> new StaffMemberUpdateRolePayload(staff.updateRole(staffId(id), role), List.of()),
                errors -> new StaffMemberUpdateRolePayload(null, StaffMemberUserError.from(errors)));
    }

    @Mutation("staffMemberRemove")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: removes a member; their tokens open nothing in this store from then on. The last OWNER cannot "
            + "be removed. Needs manage_staff.")
    public StaffMemberRemovePayload staffMemberRemove(@NonNull @Id @Name("id") @Description("The staff member's global id.") String id) {
        return MutationSupport.run(() -> new StaffMemberRemovePayload(
                GlobalId.format(StaffMemberView.TYPE, staff.remove(staffId(id))), List.of()),
                errors -> new StaffMemberRemovePayload(null, StaffMemberUserError.from(errors)));
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

    private static UUID staffId(String id) {
        return GlobalId.parse(id, StaffMemberView.TYPE).orElseThrow(StaffCommands::notFound);
    }

    private static UUID appId(String id) {
        return GlobalId.parse(id, AppInstallationView.TYPE).orElseThrow(AppInstallationCommands::notFound);
    }

    @Input("StaffMemberAddInput")
    @Description("A person to make a member of the store.")
    public record StaffMemberAddInput(
            @NonNull @Description("The OIDC issuer (iss) of the person's tokens.") String issuer,
            @NonNull @Description("The OIDC subject (sub) of the person's tokens.") String subject,
            @NonNull @Description("What the person may do.") StaffRole role) {
    }

    @Input("AppInstallInput")
    @Description("A partner app to install.")
    public record AppInstallInput(
            @NonNull @Description("The app's OIDC client id, as its tokens carry it in azp or client_id.") String clientId,
            @NonNull @Description("The scopes to grant (manage_staff cannot be granted).") List<@NonNull Scope> scopes) {
    }

    @Name("StaffMemberAddPayload")
    @Description("The result of staffMemberAdd.")
    public record StaffMemberAddPayload(
            @Description("The new member; null when the mutation failed.") StaffMemberView staffMember,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StaffMemberUserError> userErrors) {
    }

    @Name("StaffMemberUpdateRolePayload")
    @Description("The result of staffMemberUpdateRole.")
    public record StaffMemberUpdateRolePayload(
            @Description("The changed member; null when the mutation failed.") StaffMemberView staffMember,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StaffMemberUserError> userErrors) {
    }

    @Name("StaffMemberRemovePayload")
    @Description("The result of staffMemberRemove.")
    public record StaffMemberRemovePayload(
            @Id @Description("The removed member's global id; null when the mutation failed.") String removedStaffMemberId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StaffMemberUserError> userErrors) {
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
