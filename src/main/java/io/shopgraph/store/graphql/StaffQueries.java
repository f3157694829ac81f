package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.application.AppInstallationView;
import io.shopgraph.store.application.StaffMemberView;
import io.shopgraph.store.application.StaffReads;

@GraphQLApi
public class StaffQueries {

    private final StaffReads reads;

    StaffQueries(StaffReads reads) {
        this.reads = reads;
    }

    @Query("staffMembers")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: the store's staff members, oldest first (at most 250). Needs the manage_staff scope.")
    public List<@NonNull StaffMemberView> staffMembers() {
        return reads.staff();
    }

    @Query("appInstallations")
    @MerchantOperation(Scope.MANAGE_STAFF)
    @NonNull
    @Description("Owner: the partner apps installed in the store, oldest first (at most 250). Needs the manage_staff scope.")
    public List<@NonNull AppInstallationView> appInstallations(
            @Name("includeUninstalled") @DefaultValue("false") @Description("Whether uninstalled apps are listed too.") boolean includeUninstalled) {
        return reads.apps(includeUninstalled);
    }
}
