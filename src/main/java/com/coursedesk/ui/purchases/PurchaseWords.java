package com.coursedesk.ui.purchases;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.ui.common.Messages;

import java.util.EnumMap;
import java.util.Map;

/**
 * The words for a purchase's types, states, channels and payment method, in the learner's
 * language. Looked up once per value: the table asks for them for every visible cell.
 */
final class PurchaseWords {

    private final Messages messages;
    private final Map<ProductType, String> types = new EnumMap<>(ProductType.class);
    private final Map<PurchaseStatus, String> statuses = new EnumMap<>(PurchaseStatus.class);
    private final Map<Channel, String> channels = new EnumMap<>(Channel.class);
    private final Map<PurchaseKind, String> kinds = new EnumMap<>(PurchaseKind.class);

    PurchaseWords(Messages messages) {
        this.messages = messages;
        for (ProductType t : ProductType.values()) {
            types.put(t, typeWord(t));
        }
        for (PurchaseStatus s : PurchaseStatus.values()) {
            statuses.put(s, statusWord(s));
        }
        for (Channel c : Channel.values()) {
            channels.put(c, channelWord(c));
        }
        for (PurchaseKind k : PurchaseKind.values()) {
            kinds.put(k, kindWord(k));
        }
    }

    String type(ProductType type) {
        return types.get(type);
    }

    String status(PurchaseStatus status) {
        return statuses.get(status);
    }

    String channel(Channel channel) {
        return channels.get(channel);
    }

    String kind(PurchaseKind kind) {
        return kinds.get(kind);
    }

    private String typeWord(ProductType type) {
        return switch (type) {
            case COURSE -> messages.get("purchases.type.course");
            case SPECIALIZATION -> messages.get("purchases.type.specialization");
            case PROFESSIONAL_CERTIFICATE -> messages.get("purchases.type.professionalCertificate");
            case PLUS -> messages.get("purchases.type.plus");
            case GUIDED_PROJECT -> messages.get("purchases.type.guidedProject");
            case DEGREE -> messages.get("purchases.type.degree");
        };
    }

    private String statusWord(PurchaseStatus status) {
        return switch (status) {
            case PAID -> messages.get("purchases.status.paid");
            case PENDING -> messages.get("purchases.status.pending");
            case FAILED -> messages.get("purchases.status.failed");
            case REFUNDED -> messages.get("purchases.status.refunded");
        };
    }

    private String channelWord(Channel channel) {
        return switch (channel) {
            case WEB -> messages.get("purchases.channel.web");
            case APP_STORE -> messages.get("purchases.channel.appStore");
            case GOOGLE_PLAY -> messages.get("purchases.channel.googlePlay");
        };
    }

    private String kindWord(PurchaseKind kind) {
        return switch (kind) {
            case ONE_TIME -> messages.get("purchases.kind.oneTime");
            case SUBSCRIPTION_PAYMENT -> messages.get("purchases.kind.subscriptionPayment");
        };
    }

    /** "Visa •••• 4242", "PayPal a***@example.com": only ever the masked form the server sent. */
    String paymentMethod(PaymentMethod method) {
        if (method instanceof PaymentMethod.Card card) {
            return messages.get("purchases.payment.card", card.brandName(), card.last4());
        }
        return messages.get("purchases.payment.paypal", ((PaymentMethod.PayPal) method).maskedEmail());
    }
}
