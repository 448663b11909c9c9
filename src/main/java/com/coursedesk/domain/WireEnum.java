package com.coursedesk.domain;

/**
 * An enum whose constants have a fixed spelling in the billing API contract
 * (for example {@code app_store}). The Java constant names are free to follow Java style
 * while the wire name stays stable.
 */
public interface WireEnum {

    /** The contract's spelling of this constant. */
    String wireName();
}
