package io.shopgraph.customers.domain;

/** The address fields a customer may set; id, owner and default flag are the server's. */
public record AddressInput(String firstName, String lastName, String company, String address1, String address2,
        String city, String province, String zip, String countryCode, String phone) {
}
