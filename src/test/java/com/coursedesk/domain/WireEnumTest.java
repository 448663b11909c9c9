package com.coursedesk.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WireEnumTest {

    static Stream<Class<? extends Enum<?>>> wireEnums() {
        return Stream.of(ProductType.class, BillingInterval.class, PurchaseKind.class, Channel.class,
                PurchaseStatus.class, SubscriptionStatus.class, CancelReason.class);
    }

    @ParameterizedTest
    @MethodSource("wireEnums")
    void everyConstantRoundTripsThroughItsWireName(Class<? extends Enum<?>> type) throws Exception {
        Method fromWire = type.getMethod("fromWire", String.class);
        for (Enum<?> constant : type.getEnumConstants()) {
            String wire = ((WireEnum) constant).wireName();
            assertThat(wire).matches("[a-z_]+");
            assertThat(fromWire.invoke(null, wire)).isSameAs(constant);
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((WireEnum) c).wireName()).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void contractSpellingsMapToTheRightConstants() {
        assertThat(Channel.fromWire("app_store")).isEqualTo(Channel.APP_STORE);
        assertThat(Channel.GOOGLE_PLAY.wireName()).isEqualTo("google_play");
        assertThat(SubscriptionStatus.fromWire("past_due")).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(ProductType.fromWire("professional_certificate")).isEqualTo(ProductType.PROFESSIONAL_CERTIFICATE);
        assertThat(PurchaseKind.fromWire("subscription_payment")).isEqualTo(PurchaseKind.SUBSCRIPTION_PAYMENT);
        assertThat(CancelReason.TOO_EXPENSIVE.wireName()).isEqualTo("too_expensive");
        assertThat(BillingInterval.fromWire("year")).isEqualTo(BillingInterval.YEAR);
    }

    @Test
    void unknownValueFailsWithAClearMessage() {
        UnknownWireValueException e =
                catchThrowableOfType(UnknownWireValueException.class, () -> Channel.fromWire("amazon"));
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Channel")
                .hasMessageContaining("'amazon'")
                .hasMessageContaining("[web, app_store, google_play]");
        assertThat(e.value()).isEqualTo("amazon");
        assertThat(e.enumType()).isEqualTo(Channel.class);
    }

    @Test
    void javaConstantNamesAndOtherCasesAreNotWireNames() {
        assertThatThrownBy(() -> Channel.fromWire("APP_STORE")).isInstanceOf(UnknownWireValueException.class);
        assertThatThrownBy(() -> PurchaseStatus.fromWire("Paid")).isInstanceOf(UnknownWireValueException.class);
        assertThatThrownBy(() -> SubscriptionStatus.fromWire(null))
                .isInstanceOf(UnknownWireValueException.class)
                .hasMessageContaining("null");
    }
}
