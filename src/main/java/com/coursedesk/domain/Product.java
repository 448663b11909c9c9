package com.coursedesk.domain;

import java.util.Objects;

/** A learning product as the billing API describes it; titles may be in any script. */
public record Product(String id, String title, ProductType type, String partner) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(partner, "partner");
    }
}
