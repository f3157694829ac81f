package io.shopgraph.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.shopgraph.platform.errors.DomainException;

/** Every rule of {@link CustomerRules} and each code it answers, without booting (CustomerAccountsTest covers the wiring). */
class CustomerRulesTest {

    static void refused(Executable rule, Enum<?> code, String... field) {
        assertThatThrownBy(rule::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).containsExactly(field);
        });
    }

    static AddressInput address(String address1, String city, String country) {
        return new AddressInput(" Ada ", "", null, address1, "  ", city, null, " 75001 ", country, null);
    }

    @Test
    void emailsAreComparedStrippedAndLowercased() {
        assertThat(CustomerRules.normalizeEmail("  Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(CustomerRules.normalizeEmail(null)).isEmpty();
        assertThat(CustomerRules.signUpEmail(" Ada@Example.com")).isEqualTo("ada@example.com");
        refused(() -> CustomerRules.signUpEmail("not-an-email"), CustomerErrorCode.INVALID_EMAIL, "input", "email");
        refused(() -> CustomerRules.signUpEmail("a@b"), CustomerErrorCode.INVALID_EMAIL, "input", "email");
        refused(() -> CustomerRules.signUpEmail("a".repeat(250) + "@b.co"), CustomerErrorCode.INVALID_EMAIL, "input", "email");
    }

    @Test
    void passwordsHave8To128Characters() {
        List<String> field = List.of("input", "password");
        refused(() -> CustomerRules.checkPassword(null, field), CustomerErrorCode.PASSWORD_TOO_SHORT, "input", "password");
        refused(() -> CustomerRules.checkPassword("1234567", field), CustomerErrorCode.PASSWORD_TOO_SHORT, "input", "password");
        refused(() -> CustomerRules.checkPassword("x".repeat(129), field), CustomerErrorCode.PASSWORD_TOO_LONG, "input", "password");
        CustomerRules.checkPassword("12345678", field);
        CustomerRules.checkPassword("x".repeat(128), field);
    }

    @Test
    void namesHaveAtMost255Characters() {
        refused(() -> CustomerRules.checkNames("x".repeat(256), null), CustomerErrorCode.TOO_LONG, "input");
        refused(() -> CustomerRules.checkNames(null, "x".repeat(256)), CustomerErrorCode.TOO_LONG, "input");
        CustomerRules.checkNames("x".repeat(255), null);
    }

    @Test
    void aCustomerKeepsAtMostFiftyAddresses() {
        CustomerRules.requireRoomForAddress(CustomerRules.MAX_ADDRESSES - 1);
        refused(() -> CustomerRules.requireRoomForAddress(CustomerRules.MAX_ADDRESSES), CustomerAddressErrorCode.TOO_MANY_ADDRESSES);
    }

    @Test
    void anAddressNeedsAStreetACityAndAKnownCountryAndIsStoredCleaned() {
        CustomerAddress a = new CustomerAddress();
        CustomerRules.apply(a, address(" 1 Rue de Rivoli ", " Paris ", " fr "));
        assertThat(a.firstName).isEqualTo("Ada");
        assertThat(a.lastName).isNull();
        assertThat(a.address1).isEqualTo("1 Rue de Rivoli");
        assertThat(a.address2).isNull();
        assertThat(a.city).isEqualTo("Paris");
        assertThat(a.zip).isEqualTo("75001");
        assertThat(a.countryCode).isEqualTo("FR");

        refused(() -> CustomerRules.apply(new CustomerAddress(), address(" ", "Paris", "FR")),
                CustomerAddressErrorCode.BLANK, "address", "address1");
        refused(() -> CustomerRules.apply(new CustomerAddress(), address("1 Rue", null, "FR")),
                CustomerAddressErrorCode.BLANK, "address", "city");
        refused(() -> CustomerRules.apply(new CustomerAddress(), address("1 Rue", "Paris", "XX")),
                CustomerAddressErrorCode.INVALID_COUNTRY, "address", "countryCode");
        refused(() -> CustomerRules.apply(new CustomerAddress(), address("1 Rue", "Paris", null)),
                CustomerAddressErrorCode.INVALID_COUNTRY, "address", "countryCode");
        refused(() -> CustomerRules.apply(new CustomerAddress(), address("x".repeat(256), "Paris", "FR")),
                CustomerAddressErrorCode.TOO_LONG, "address");
    }
}
