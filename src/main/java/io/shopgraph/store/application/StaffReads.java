package io.shopgraph.store.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.store.domain.AppInstallationRepository;
import io.shopgraph.store.domain.StaffMemberRepository;

/** Reading the current store's staff and partner apps. */
@ApplicationScoped
public class StaffReads {

    /** Staff and app lists are short; this bounds them until they become connections. */
    public static final int MAX_ROWS = 250;

    private final StaffMemberRepository staff;
    private final AppInstallationRepository apps;

    StaffReads(StaffMemberRepository staff, AppInstallationRepository apps) {
        this.staff = staff;
        this.apps = apps;
    }

    @Transactional
    public List<StaffMemberView> staff() {
        return staff.listAll(MAX_ROWS).stream().map(StaffMemberView::of).toList();
    }

    @Transactional
    public List<AppInstallationView> apps(boolean includeUninstalled) {
        return apps.listAll(MAX_ROWS).stream().filter(a -> includeUninstalled || a.isInstalled())
                .map(AppInstallationView::of).toList();
    }
}
