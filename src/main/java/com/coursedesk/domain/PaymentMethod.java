package com.coursedesk.domain;

import java.util.Locale;
import java.util.Objects;

/** How a purchase was paid; only ever a masked description, never a usable credential. */
public sealed interface PaymentMethod permits PaymentMethod.Card, PaymentMethod.PayPal {

    /** A payment card, e.g. brand {@code visa} ending in {@code 4242}. */
    record Card(String brand, String last4) implements PaymentMethod {
        public Card {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(last4, "last4");
        }

        /** The brand as people write it ("Visa", "American Express"): a name, the same in every language. */
        public String brandName() {
            String b = brand.strip().toLowerCase(Locale.ROOT);
            return switch (b) {
                case "visa" -> "Visa";
                case "mastercard" -> "Mastercard";
                case "amex", "american_express" -> "American Express";
                case "jcb" -> "JCB";
                case "discover" -> "Discover";
                case "diners", "diners_club" -> "Diners Club";
                case "unionpay" -> "UnionPay";
                default -> b.isEmpty() ? brand : Character.toUpperCase(b.charAt(0)) + b.substring(1);
            };
        }

        // Written out (as in PayPal): the generated ones link method handles on first use,
        // which the first page's 10,000 rows would pay for at start-up.
        @Override
        public boolean equals(Object other) {
            return other instanceof Card c && brand.equals(c.brand) && last4.equals(c.last4);
        }

        @Override
        public int hashCode() {
            return 31 * brand.hashCode() + last4.hashCode();
        }
    }

    /** A PayPal account, with the e-mail address already masked by the server. */
    record PayPal(String maskedEmail) implements PaymentMethod {
        public PayPal {
            Objects.requireNonNull(maskedEmail, "maskedEmail");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PayPal p && maskedEmail.equals(p.maskedEmail);
        }

        @Override
        public int hashCode() {
            return maskedEmail.hashCode();
        }
    }
}
