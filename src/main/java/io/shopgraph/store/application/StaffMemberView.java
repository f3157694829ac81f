package io.shopgraph.store.application;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.store.domain.StaffMember;
import io.shopgraph.store.domain.StaffRole;

@Type("StaffMember")
@Description("A person who works on the store, known by their OIDC issuer and subject.")
public record StaffMemberView(
        @Id @NonNull @Description("The membership's global id.") String id,
        @NonNull @Description("The OIDC issuer (iss) of the person's tokens.") String issuer,
        @NonNull @Description("The OIDC subject (sub) of the person's tokens.") String subject,
        @NonNull @Description("What the person may do in this store.") StaffRole role,
        @NonNull @Description("When the person became a member.") Instant createdAt) {

    public static final String TYPE = "StaffMember";

    static StaffMemberView of(StaffMember member) {
        return new StaffMemberView(GlobalId.format(TYPE, member.id), member.issuer, member.subject, member.role,
                member.createdAt);
    }
}
