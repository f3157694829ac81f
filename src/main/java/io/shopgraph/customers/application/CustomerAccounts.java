package io.shopgraph.customers.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.customers.domain.Customer;
import io.shopgraph.customers.domain.CustomerAddress;
import io.shopgraph.customers.domain.CustomerAddressRepository;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.api.events.CustomerCreated;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;

/** Registering customers, reading their profile, and their addresses. */
@ApplicationScoped
public class CustomerAccounts {

    static final int MAX_ADDRESSES = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CustomerRepository customers;
    private final CustomerAddressRepository addresses;
    private final PasswordHasher hasher;

    private final EventPublisher events;

    CustomerAccounts(CustomerRepository customers, CustomerAddressRepository addresses, PasswordHasher hasher, EventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.addresses = addresses;
        this.hasher = hasher;
    }

    private static jakarta.json.JsonValue nullable(String text) {
        return text == null ? jakarta.json.JsonValue.NULL : jakarta.json.Json.createValue(text);
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static void checkPassword(String password, List<String> field) {
        if (password == null || password.length() < 8) {
            throw new DomainException(CustomerErrorCode.PASSWORD_TOO_SHORT, field, "The password needs at least 8 characters.");
        }
        if (password.length() > 128) {
            throw new DomainException(CustomerErrorCode.PASSWORD_TOO_LONG, field, "The password may have at most 128 characters.");
        }
    }

    @Transactional
    public CustomerView create(String email, String password, String firstName, String lastName, boolean acceptsMarketing) {
        String normalized = normalizeEmail(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new DomainException(CustomerErrorCode.INVALID_EMAIL, List.of("input", "email"), "The email is not valid.");
        }
        checkPassword(password, List.of("input", "password"));
        if (length(firstName) > 255 || length(lastName) > 255) {
            throw new DomainException(CustomerErrorCode.TOO_LONG, List.of("input"), "Names may have at most 255 characters.");
        }
        if (customers.findByEmail(normalized).isPresent()) {
            throw new DomainException(CustomerErrorCode.TAKEN, List.of("input", "email"),
                    "An account with this email already exists: sign in or reset the password.");
        }
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.email = normalized;
        customer.passwordHash = hasher.hash(password);
        customer.firstName = blankToNull(firstName);
        customer.lastName = blankToNull(lastName);
        customer.acceptsMarketing = acceptsMarketing;
        customer.createdAt = Instant.now();
        customers.persist(customer);
        CustomerView view = view(customer, List.of());
        events.publish(new CustomerCreated(customer.id, jakarta.json.Json.createObjectBuilder().add("id", view.id())
                .add("email", view.email()).add("firstName", nullable(view.firstName())).add("lastName", nullable(view.lastName()))
                .add("acceptsMarketing", view.acceptsMarketing()).add("createdAt", customer.createdAt.toString()).build().toString()));
        return view;
    }

    @Transactional
    public CustomerView profile(UUID customerId) {
        Customer customer = customers.findById(customerId);
        return view(customer, addresses.ofCustomer(customerId));
    }

    /** The address fields a customer may set; id, owner and default flag are the server's. */
    public record AddressInput(String firstName, String lastName, String company, String address1, String address2,
            String city, String province, String zip, String countryCode, String phone) {
    }

    @Transactional
    public CustomerAddressView createAddress(UUID customerId, AddressInput input, boolean makeDefault) {
        if (addresses.countOf(customerId) >= MAX_ADDRESSES) {
            throw new DomainException(CustomerAddressErrorCode.TOO_MANY_ADDRESSES, List.of(),
                    "A customer may save at most " + MAX_ADDRESSES + " addresses.");
        }
        CustomerAddress address = new CustomerAddress();
        address.id = Ids.newId();
        address.customerId = customerId;
        address.createdAt = Instant.now();
        apply(address, input);
        boolean first = addresses.countOf(customerId) == 0;
        addresses.persist(address);
        if (makeDefault || first) {
            makeDefault(customerId, address);
        }
        return CustomerAddressView.of(address);
    }

    @Transactional
    public CustomerAddressView updateAddress(UUID customerId, String id, AddressInput input) {
        CustomerAddress address = owned(customerId, id);
        apply(address, input);
        return CustomerAddressView.of(address);
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

    private static void apply(CustomerAddress address, AddressInput input) {
        String address1 = blankToNull(input.address1());
        String city = blankToNull(input.city());
        if (address1 == null) {
            throw new DomainException(CustomerAddressErrorCode.BLANK, List.of("address", "address1"), "The street is required.");
        }
        if (city == null) {
            throw new DomainException(CustomerAddressErrorCode.BLANK, List.of("address", "city"), "The city is required.");
        }
        String country = input.countryCode() == null ? "" : input.countryCode().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new DomainException(CustomerAddressErrorCode.INVALID_COUNTRY, List.of("address", "countryCode"),
                    "The country must be an ISO 3166-1 alpha-2 code such as FR.");
        }
        for (String value : new String[] { input.firstName(), input.lastName(), input.company(), address1, input.address2(), city,
                input.province(), input.zip(), input.phone() }) {
            if (length(value) > 255) {
                throw new DomainException(CustomerAddressErrorCode.TOO_LONG, List.of("address"),
                        "Address fields may have at most 255 characters.");
            }
        }
        address.firstName = blankToNull(input.firstName());
        address.lastName = blankToNull(input.lastName());
        address.company = blankToNull(input.company());
        address.address1 = address1;
        address.address2 = blankToNull(input.address2());
        address.city = city;
        address.province = blankToNull(input.province());
        address.zip = blankToNull(input.zip());
        address.countryCode = country;
        address.phone = blankToNull(input.phone());
    }

    private static CustomerView view(Customer c, List<CustomerAddress> saved) {
        List<CustomerAddressView> views = saved.stream().map(CustomerAddressView::of).toList();
        CustomerAddressView defaultAddress = views.stream().filter(CustomerAddressView::isDefault).findFirst().orElse(null);
        return new CustomerView(GlobalId.format(CustomerView.TYPE, c.id), c.email, c.firstName, c.lastName, c.acceptsMarketing,
                defaultAddress, views);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
