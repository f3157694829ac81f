package io.shopgraph.customers.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the customers module, in the current store. */
public interface CustomersApi {

    /** The customer a live (unexpired, unrevoked) customer access token signs in; empty for anything else. */
    Optional<CustomerRef> customerForAccessToken(String token);

    /** The customer with this id in the current store, if any. */
    Optional<CustomerRef> customer(UUID customerId);

    /**
     * The customer's saved addresses as records (oldest first, the default one flagged), e.g. for a checkout's
     * shipping address; empty for a customer of another store or none.
     */
    List<CustomerAddressView> addresses(UUID customerId);

    /** The customer a {@code customer} field resolved from (the signed-in customer's view), as an id. */
    static UUID idOf(CustomerView view) {
        return io.shopgraph.platform.kernel.GlobalId.parse(view.id(), CustomerView.TYPE).orElseThrow();
    }
}
