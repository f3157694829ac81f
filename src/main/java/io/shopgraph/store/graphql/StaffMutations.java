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
import io.shopgraph.store.application.StaffCommands;
import io.shopgraph.store.application.StaffMemberView;
import io.shopgraph.store.domain.StaffRole;

/** Owners manage who works on the store: its staff members (partner apps: {@link AppInstallationMutations}). */
@GraphQLApi
public class StaffMutations {

    private final StaffCommands staff;

    StaffMutations(StaffCommands staff) {
        this.staff = staff;
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

    private static UUID staffId(String id) {
        return GlobalId.parse(id, StaffMemberView.TYPE).orElseThrow(StaffCommands::notFound);
    }

    @Input("StaffMemberAddInput")
    @Description("A person to make a member of the store.")
    public record StaffMemberAddInput(
            @NonNull @Description("The OIDC issuer (iss) of the person's tokens.") String issuer,
            @NonNull @Description("The OIDC subject (sub) of the person's tokens.") String subject,
            @NonNull @Description("What the person may do.") StaffRole role) {
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
}
