package io.shopgraph.customers.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.customers.api.CustomerAddressView;
import io.shopgraph.customers.api.CustomerView;
import io.shopgraph.customers.application.CustomerAccessTokenView;
import io.shopgraph.customers.application.CustomerAccounts;
import io.shopgraph.customers.application.CustomerSessions;
import io.shopgraph.customers.application.PasswordRecovery;
import io.shopgraph.customers.domain.AddressInput;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.security.CustomerOperation;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;

@GraphQLApi
public class CustomerMutations {

    private final CustomerAccounts accounts;
    private final CustomerSessions sessions;
    private final PasswordRecovery recovery;
    private final StoreAccess access;
    private final RequestCredentials credentials;

    CustomerMutations(CustomerAccounts accounts, CustomerSessions sessions, PasswordRecovery recovery, StoreAccess access,
            RequestCredentials credentials) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.recovery = recovery;
        this.access = access;
        this.credentials = credentials;
    }

    @Mutation("customerCreate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: registers a customer account in the storefront token's store. Registrations are throttled "
            + "per client; a taken email answers after the same password hashing as a new one.")
    public CustomerCreatePayload customerCreate(@NonNull @Name("input") @Description("The account to create.") CustomerCreateInput input) {
        return MutationSupport.run(() -> new CustomerCreatePayload(accounts.create(input.email(), input.password(), input.firstName(),
                input.lastName(), Boolean.TRUE.equals(input.acceptsMarketing()), credentials.clientAddress()), List.of()),
                errors -> new CustomerCreatePayload(null, CustomerUserError.from(errors)));
    }

    @Mutation("customerAccessTokenCreate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: signs a customer in. Failures never tell whether the email exists; repeated failures per "
            + "email and per client are throttled with growing delays.")
    public CustomerAccessTokenCreatePayload customerAccessTokenCreate(
            @NonNull @Name("input") @Description("The customer's credentials.") CustomerAccessTokenCreateInput input) {
        return MutationSupport.run(() -> new CustomerAccessTokenCreatePayload(
                sessions.signIn(input.email(), input.password(), credentials.clientAddress()), List.of()),
                errors -> new CustomerAccessTokenCreatePayload(null, CustomerAccessTokenUserError.from(errors)));
    }

    @Mutation("customerAccessTokenRenew")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: extends a live customer access token's expiry.")
    public CustomerAccessTokenRenewPayload customerAccessTokenRenew(
            @NonNull @Name("customerAccessToken") @Description("The token to renew.") String customerAccessToken) {
        return MutationSupport.run(() -> new CustomerAccessTokenRenewPayload(sessions.renew(customerAccessToken), List.of()),
                errors -> new CustomerAccessTokenRenewPayload(null, CustomerAccessTokenUserError.from(errors)));
    }

    @Mutation("customerAccessTokenDelete")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: signs a customer out by revoking the token.")
    public CustomerAccessTokenDeletePayload customerAccessTokenDelete(
            @NonNull @Name("customerAccessToken") @Description("The token to revoke.") String customerAccessToken) {
        return MutationSupport.run(() -> {
            sessions.delete(customerAccessToken);
            return new CustomerAccessTokenDeletePayload(true, List.of());
        }, errors -> new CustomerAccessTokenDeletePayload(false, CustomerAccessTokenUserError.from(errors)));
    }

    @Mutation("customerRecover")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: mails a single-use password reset token if an account has this email. The answer is the "
            + "same whether it has or not.")
    public CustomerRecoverPayload customerRecover(@NonNull @Name("email") @Description("The account's email.") String email) {
        recovery.recover(email);
        return new CustomerRecoverPayload(List.of());
    }

    @Mutation("customerReset")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: sets a new password with a reset token from customerRecover; signs the customer out everywhere.")
    public CustomerResetPayload customerReset(@NonNull @Name("input") @Description("The reset token and new password.") CustomerResetInput input) {
        return MutationSupport.run(() -> {
            recovery.reset(input.resetToken(), input.password());
            return new CustomerResetPayload(List.of());
        }, errors -> new CustomerResetPayload(CustomerUserError.from(errors)));
    }

    @Mutation("customerAddressCreate")
    @CustomerOperation
    @NonNull
    @Description("Customer: saves an address; the first one becomes the default.")
    public CustomerAddressPayload customerAddressCreate(
            @NonNull @Name("address") @Description("The address.") MailingAddressInput address,
            @Name("setAsDefault") @DefaultValue("false") @Description("Whether it becomes the default address (null: false).") Boolean setAsDefault) {
        // A Boolean, not a boolean: an explicit null must mean false, not a failure to unbox.
        return MutationSupport.run(() -> new CustomerAddressPayload(
                accounts.createAddress(access.requireCustomer(), address.toInput(), Boolean.TRUE.equals(setAsDefault)), List.of()),
                errors -> new CustomerAddressPayload(null, CustomerAddressUserError.from(errors)));
    }

    @Mutation("customerAddressUpdate")
    @CustomerOperation
    @NonNull
    @Description("Customer: changes one of the customer's addresses.")
    public CustomerAddressPayload customerAddressUpdate(
            @NonNull @Id @Name("id") @Description("The address's global id.") String id,
            @NonNull @Name("address") @Description("The new address fields.") MailingAddressInput address) {
        return MutationSupport.run(() -> new CustomerAddressPayload(
                accounts.updateAddress(access.requireCustomer(), id, address.toInput()), List.of()),
                errors -> new CustomerAddressPayload(null, CustomerAddressUserError.from(errors)));
    }

    @Mutation("customerAddressDelete")
    @CustomerOperation
    @NonNull
    @Description("Customer: deletes one of the customer's addresses.")
    public CustomerAddressDeletePayload customerAddressDelete(@NonNull @Id @Name("id") @Description("The address's global id.") String id) {
        return MutationSupport.run(() -> new CustomerAddressDeletePayload(accounts.deleteAddress(access.requireCustomer(), id), List.of()),
                errors -> new CustomerAddressDeletePayload(null, CustomerAddressUserError.from(errors)));
    }

    @Mutation("customerDefaultAddressUpdate")
    @CustomerOperation
    @NonNull
    @Description("Customer: makes one of the customer's addresses the default.")
    public CustomerDefaultAddressUpdatePayload customerDefaultAddressUpdate(
            @NonNull @Id @Name("addressId") @Description("The address's global id.") String addressId) {
        return MutationSupport.run(() -> new CustomerDefaultAddressUpdatePayload(
                accounts.setDefaultAddress(access.requireCustomer(), addressId), List.of()),
                errors -> new CustomerDefaultAddressUpdatePayload(null, CustomerAddressUserError.from(errors)));
    }

    @Input("CustomerCreateInput")
    @Description("A customer account to register.")
    public record CustomerCreateInput(
            @NonNull @Description("The email, unique in the store.") String email,
            @NonNull @Description("The password, 8 to 128 characters.") String password,
            @Description("First name.") String firstName,
            @Description("Last name.") String lastName,
            @Description("Whether the customer agrees to marketing email (default false).") Boolean acceptsMarketing) {
    }

    @Input("CustomerAccessTokenCreateInput")
    @Description("A customer's credentials.")
    public record CustomerAccessTokenCreateInput(
            @NonNull @Description("The account's email.") String email,
            @NonNull @Description("The account's password.") String password) {
    }

    @Input("CustomerResetInput")
    @Description("A password reset.")
    public record CustomerResetInput(
            @NonNull @Description("The token mailed by customerRecover.") String resetToken,
            @NonNull @Description("The new password, 8 to 128 characters.") String password) {
    }

    @Input("MailingAddressInput")
    @Description("A postal address.")
    public record MailingAddressInput(
            @Description("First name of the recipient.") String firstName,
            @Description("Last name of the recipient.") String lastName,
            @Description("Company.") String company,
            @NonNull @Description("Street and number.") String address1,
            @Description("Apartment, suite, etc.") String address2,
            @NonNull @Description("City.") String city,
            @Description("Province, state or region.") String province,
            @Description("Postal code.") String zip,
            @NonNull @Description("ISO 3166-1 alpha-2 country code.") String countryCode,
            @Description("Phone number.") String phone) {

        AddressInput toInput() {
            return new AddressInput(firstName, lastName, company, address1, address2, city, province, zip, countryCode, phone);
        }
    }

    @Name("CustomerCreatePayload")
    @Description("The result of customerCreate.")
    public record CustomerCreatePayload(
            @Description("The new account; null when the mutation failed.") CustomerView customer,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerUserError> userErrors) {
    }

    @Name("CustomerAccessTokenCreatePayload")
    @Description("The result of customerAccessTokenCreate.")
    public record CustomerAccessTokenCreatePayload(
            @Description("The new token; null when the mutation failed.") CustomerAccessTokenView customerAccessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAccessTokenUserError> userErrors) {
    }

    @Name("CustomerAccessTokenRenewPayload")
    @Description("The result of customerAccessTokenRenew.")
    public record CustomerAccessTokenRenewPayload(
            @Description("The renewed token; null when the mutation failed.") CustomerAccessTokenView customerAccessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAccessTokenUserError> userErrors) {
    }

    @Name("CustomerAccessTokenDeletePayload")
    @Description("The result of customerAccessTokenDelete.")
    public record CustomerAccessTokenDeletePayload(
            @NonNull @Description("Whether the token was revoked.") boolean deleted,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAccessTokenUserError> userErrors) {
    }

    @Name("CustomerRecoverPayload")
    @Description("The result of customerRecover: always empty, so it reveals nothing about the email.")
    public record CustomerRecoverPayload(
            @NonNull @Description("Always empty.") List<@NonNull CustomerUserError> userErrors) {
    }

    @Name("CustomerResetPayload")
    @Description("The result of customerReset.")
    public record CustomerResetPayload(
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerUserError> userErrors) {
    }

    @Name("CustomerAddressPayload")
    @Description("The result of customerAddressCreate and customerAddressUpdate.")
    public record CustomerAddressPayload(
            @Description("The address; null when the mutation failed.") CustomerAddressView customerAddress,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAddressUserError> userErrors) {
    }

    @Name("CustomerAddressDeletePayload")
    @Description("The result of customerAddressDelete.")
    public record CustomerAddressDeletePayload(
            @Id @Description("The deleted address's global id; null when the mutation failed.") String deletedCustomerAddressId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAddressUserError> userErrors) {
    }

    @Name("CustomerDefaultAddressUpdatePayload")
    @Description("The result of customerDefaultAddressUpdate.")
    public record CustomerDefaultAddressUpdatePayload(
            @Description("The customer with the new default; null when the mutation failed.") CustomerView customer,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CustomerAddressUserError> userErrors) {
    }
}
