package io.shopgraph.platform.events;

/**
 * The stable type name of an event record: {@code <module>.<SimpleName>}, e.g.
 * {@code catalog.ProductUpdated} for {@code io.shopgraph.catalog.api.events.ProductUpdated}. Stored with
 * every event and shown to webhook receivers' operators, so a record must keep its name once published.
 */
public final class EventTypes {

    private static final String ROOT = "io.shopgraph.";

    private EventTypes() {
    }

    public static String nameOf(Class<? extends DomainEvent> type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            throw new IllegalArgumentException("Event records live in a module's api.events package: " + type.getName());
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        String module = dot < 0 ? rest : rest.substring(0, dot);
        return module + "." + type.getSimpleName();
    }
}
