package com.coursedesk.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Card brands as learners read them, whatever spelling the server sends. */
class PaymentMethodBrandTest {

    @Test
    void knownBrandsAreWrittenAsTheirOwnersWriteThem() {
        assertThat(new PaymentMethod.Card("visa", "4242").brandName()).isEqualTo("Visa");
        assertThat(new PaymentMethod.Card("AMEX", "8431").brandName()).isEqualTo("American Express");
        assertThat(new PaymentMethod.Card("jcb", "0005").brandName()).isEqualTo("JCB");
        assertThat(new PaymentMethod.Card("diners_club", "1111").brandName()).isEqualTo("Diners Club");
    }

    @Test
    void anUnknownBrandIsCapitalisedNotDropped() {
        assertThat(new PaymentMethod.Card("elo", "1234").brandName()).isEqualTo("Elo");
        assertThat(new PaymentMethod.Card("", "1234").brandName()).isEmpty();
    }
}
