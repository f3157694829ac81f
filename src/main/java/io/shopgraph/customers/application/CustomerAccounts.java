package io.shopgraph.customers.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.customers.api.CustomerAddressView;
import io.shopgraph.customers.api.CustomerView;
import io.shopgraph.customers.api.events.CustomerCreated;
import io.shopgraph.customers.domain.AddressInput;
import io.shopgraph.customers.domain.Customer;
import io.shopgraph.customers.domain.CustomerAddress;
import io.shopgraph.customers.domain.CustomerAddressErrorCode;
import io.shopgraph.customers.domain.CustomerAddressRepository;
import io.shopgraph.customers.domain.CustomerErrorCode;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.domain.CustomerRules;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.JsonP;

/** Registering customers, reading their profile, and their addresses. */
@ApplicationScoped
public class CustomerAccounts {

    private final CustomerRepository customers;
    private final CustomerAddressRepository addresses;
    private final PasswordHasher hasher;
    private final PasswordWork work;
    private final LoginThrottle throttle;

    private final EventPublisher events;

    CustomerAccounts(CustomerRepository customers, CustomerAddressRepository addresses, PasswordHasher hasher, PasswordWork work,
            LoginThrottle throttle, EventPublisher events) {
        this.events = events;
        this.work = work;
        this.throttle = throttle;
        this.customers = customers;
        this.addresses = addresses;
        this.hasher = hasher;
    }

    private static jakarta.json.JsonValue nullable(String text) {
        return text == null ? jakarta.json.JsonValue.NULL : JsonP.createValue(text);
    }

    /**
     * Registers a customer. Sign-ups are throttled per client address; the password is hashed on the
     * {@link PasswordWork} pool before the email is looked up, holding no connection, so a taken email
     * and a new one take the same time to answer (the TAKEN code itself still tells: the throttle bounds
     * how many emails a client can probe).
     */
    public CustomerView create(String email, String password, String firstName, String lastName, boolean acceptsMarketing,
            String clientAddress) {
        String normalized = CustomerRules.signUpEmail(email);
        CustomerRules.checkPassword(password, List.of("input", "password"));
        CustomerRules.checkNames(firstName, lastName);
        Optional<java.time.Duration> blocked = throttle.admit(List.of(LoginThrottle.signUpKey(clientAddress)));
        if (blocked.isPresent()) {
            throw new DomainException(CustomerErrorCode.THROTTLED, List.of(),
                    "Too many registrations from this client: try again in " + Math.max(1, blocked.get().toSeconds()) + " seconds.");
        }
        String hash;
        try {
            hash = work.run(() -> hasher.hash(password));
        } catch (PasswordWork.Busy busy) {
            throw new DomainException(CustomerErrorCode.THROTTLED, List.of(), "The service is busy: try again in a second.");
        }
        return insert(normalized, hash, firstName, lastName, acceptsMarketing);
    }

    @Transactional
    CustomerView insert(String normalized, String passwordHash, String firstName, String lastName, boolean acceptsMarketing) {
        if (customers.findByEmail(normalized).isPresent()) {
            throw new DomainException(CustomerErrorCode.TAKEN, List.of("input", "email"),
                    "An account with this email already exists: sign in or reset the password.");
        }
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.email = normalized;
        customer.passwordHash = passwordHash;
        customer.firstName = CustomerRules.blankToNull(firstName);
        customer.lastName = CustomerRules.blankToNull(lastName);
        customer.acceptsMarketing = acceptsMarketing;
        customer.createdAt = Instant.now();
        customers.persist(customer);
        CustomerView view = view(customer, List.of());
        events.publish(new CustomerCreated(customer.id, JsonP.createObjectBuilder().add("id", view.id())
                .add("email", view.email()).add("firstName", nullable(view.firstName())).add("lastName", nullable(view.lastName()))
                .add("acceptsMarketing", view.acceptsMarketing()).add("createdAt", customer.createdAt.toString()).build().toString()));
        return view;
    }

    @Transactional
    public CustomerView profile(UUID customerId) {
        Customer customer = customers.findById(customerId);
        return view(customer, addresses.ofCustomer(customerId));
    }

    @Transactional
    public CustomerAddressView createAddress(UUID customerId, AddressInput input, boolean makeDefault) {
        CustomerRules.requireRoomForAddress(addresses.countOf(customerId));
        CustomerAddress address = new CustomerAddress();
        address.id = Ids.newId();
        address.customerId = customerId;
        address.createdAt = Instant.now();
        CustomerRules.apply(address, input);
        boolean first = addresses.countOf(customerId) == 0;
        addresses.persist(address);
        if (makeDefault || first) {
            makeDefault(customerId, address);
        }
        return addressView(address);
    }

    @Transactional
    public CustomerAddressView updateAddress(UUID customerId, String id, AddressInput input) {
        CustomerAddress address = owned(customerId, id);
        CustomerRules.apply(address, input);
        return addressView(address);
    }

    @Transactional
    public String deleteAddress(UUID customerId, String id) {
        CustomerAddress address = owned(customerId, id);
        addresses.delete(address);
        return GlobalId.format(CustomerAddressView.TYPE, address.id);
    }

    @Transactional
    public CustomerView setDefaultAddress(UUID customerId, String id) {
        CustomerAddress address = owned(customerId, id);
        makeDefault(customerId, address);
        return profile(customerId);
    }

    private void makeDefault(UUID customerId, CustomerAddress address) {
        addresses.update("isDefault = false where customerId = ?1 and isDefault = true and id <> ?2", customerId, address.id);
        addresses.flush();
        address.isDefault = true;
        addresses.flush();
    }

    private CustomerAddress owned(UUID customerId, String id) {
        Optional<UUID> uuid = GlobalId.parse(id, CustomerAddressView.TYPE);
        return uuid.flatMap(u -> addresses.findOwned(customerId, u)).orElseThrow(() -> new DomainException(
                CustomerAddressErrorCode.NOT_FOUND, List.of("id"), "No address with this id belongs to the customer."));
    }

    private static CustomerView view(Customer c, List<CustomerAddress> saved) {
        List<CustomerAddressView> views = saved.stream().map(CustomerAccounts::addressView).toList();
        CustomerAddressView defaultAddress = views.stream().filter(CustomerAddressView::isDefault).findFirst().orElse(null);
        return new CustomerView(GlobalId.format(CustomerView.TYPE, c.id), c.email, c.firstName, c.lastName, c.acceptsMarketing,
                defaultAddress, views);
    }

    static CustomerAddressView addressView(CustomerAddress a) {
        return new CustomerAddressView(GlobalId.format(CustomerAddressView.TYPE, a.id), a.firstName, a.lastName, a.company,
                a.address1, a.address2, a.city, a.province, a.zip, a.countryCode, a.phone, a.isDefault);
    }
}
