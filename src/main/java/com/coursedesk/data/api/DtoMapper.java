package com.coursedesk.data.api;

import com.coursedesk.data.api.Dtos.AccountDto;
import com.coursedesk.data.api.Dtos.DeletedDto;
import com.coursedesk.data.api.Dtos.HealthDto;
import com.coursedesk.data.api.Dtos.MoneyDto;
import com.coursedesk.data.api.Dtos.PaymentMethodDto;
import com.coursedesk.data.api.Dtos.PlanDto;
import com.coursedesk.data.api.Dtos.ProductDto;
import com.coursedesk.data.api.Dtos.PurchaseDto;
import com.coursedesk.data.api.Dtos.SubscriptionDto;
import com.coursedesk.data.api.Dtos.SyncPageDto;
import com.coursedesk.data.api.Dtos.TokenResponseDto;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.domain.UnknownWireValueException;
import com.coursedesk.domain.WireEnum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place where response DTOs become domain records. Every required field is
 * checked and every enum value looked up; the first problem fails the whole answer with an
 * {@link ApiProtocolException} naming the field, so no half-mapped record escapes.
 */
final class DtoMapper {

    // Wire names are looked up in a map made once: the enums' own fromWire copies the constants
    // and compares each in turn, five times a purchase (the sync thread's most sampled frame
    // while a first sync warms up).
    private static final WireLookup<PurchaseKind> KINDS = new WireLookup<>(PurchaseKind.class, PurchaseKind::fromWire);
    private static final WireLookup<Channel> CHANNELS = new WireLookup<>(Channel.class, Channel::fromWire);
    private static final WireLookup<PurchaseStatus> PURCHASE_STATUSES =
            new WireLookup<>(PurchaseStatus.class, PurchaseStatus::fromWire);
    private static final WireLookup<SubscriptionStatus> SUBSCRIPTION_STATUSES =
            new WireLookup<>(SubscriptionStatus.class, SubscriptionStatus::fromWire);
    private static final WireLookup<Deleted.Type> DELETED_TYPES =
            new WireLookup<>(Deleted.Type.class, Deleted.Type::fromWire);
    private static final WireLookup<ProductType> PRODUCT_TYPES =
            new WireLookup<>(ProductType.class, ProductType::fromWire);
    private static final WireLookup<BillingInterval> INTERVALS =
            new WireLookup<>(BillingInterval.class, BillingInterval::fromWire);

    HealthStatus health(HealthDto dto) {
        HealthDto h = root(dto, "health");
        return new HealthStatus(required(h.status(), "status"), required(h.serverTime(), "serverTime"),
                required(h.apiVersion(), "apiVersion"));
    }

    TokenResponse tokenResponse(TokenResponseDto dto) {
        TokenResponseDto t = root(dto, "token response");
        String tokenType = required(t.tokenType(), "tokenType");
        if (!tokenType.equalsIgnoreCase("Bearer")) {
            throw new ApiProtocolException("Unsupported tokenType '" + tokenType + "'; expected Bearer");
        }
        long expiresIn = required(t.expiresIn(), "expiresIn");
        if (expiresIn <= 0) {
            throw new ApiProtocolException("expiresIn must be positive, was " + expiresIn);
        }
        return new TokenResponse(
                required(t.accessToken(), "accessToken"),
                required(t.refreshToken(), "refreshToken"),
                tokenType,
                Duration.ofSeconds(expiresIn),
                account(required(t.account(), "account"), Loc.ROOT.field("account")));
    }

    Account account(AccountDto dto) {
        return account(root(dto, "account"), Loc.ROOT);
    }

    Purchase purchase(PurchaseDto dto) {
        return purchase(root(dto, "purchase"), Loc.ROOT);
    }

    Subscription subscription(SubscriptionDto dto) {
        return subscription(root(dto, "subscription"), Loc.ROOT);
    }

    SyncPage syncPage(SyncPageDto dto) {
        SyncPageDto p = root(dto, "sync page");
        List<Purchase> purchases = list(required(p.purchases(), "purchases"), "purchases", this::purchase);
        List<Subscription> subscriptions =
                list(required(p.subscriptions(), "subscriptions"), "subscriptions", this::subscription);
        List<Deleted> deleted = list(required(p.deleted(), "deleted"), "deleted", this::deleted);
        boolean hasMore = required(p.hasMore(), "hasMore");
        long remaining = required(p.remaining(), "remaining");
        if (remaining < 0) {
            throw new ApiProtocolException("remaining must not be negative, was " + remaining);
        }
        return new SyncPage(purchases, subscriptions, deleted, required(p.cursor(), "cursor"), hasMore, remaining);
    }

    private Account account(AccountDto a, Loc path) {
        String tag = required(a.locale(), path, "locale");
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw new ApiProtocolException("Not a BCP 47 language tag at " + at(path, "locale") + ": '" + tag + "'");
        }
        return new Account(
                required(a.id(), path, "id"),
                required(a.email(), path, "email"),
                required(a.displayName(), path, "displayName"),
                required(a.country(), path, "country"),
                currency(a.currency(), path, "currency"),
                locale,
                required(a.createdAt(), path, "createdAt"));
    }

    private Purchase purchase(PurchaseDto p, Loc path) {
        return new Purchase(
                required(p.id(), path, "id"),
                wire(p.kind(), path, "kind", KINDS),
                product(required(p.product(), path, "product"), at(path, "product")),
                p.subscriptionId(),
                money(required(p.amount(), path, "amount"), at(path, "amount")),
                money(required(p.tax(), path, "tax"), at(path, "tax")),
                money(required(p.total(), path, "total"), at(path, "total")),
                wire(p.channel(), path, "channel", CHANNELS),
                wire(p.status(), path, "status", PURCHASE_STATUSES),
                required(p.purchasedAt(), path, "purchasedAt"),
                p.refundedAt(),
                p.refundableUntil(),
                required(p.receiptNumber(), path, "receiptNumber"),
                paymentMethod(required(p.paymentMethod(), path, "paymentMethod"), at(path, "paymentMethod")),
                required(p.updatedAt(), path, "updatedAt"),
                required(p.version(), path, "version"));
    }

    private Subscription subscription(SubscriptionDto s, Loc path) {
        return new Subscription(
                required(s.id(), path, "id"),
                product(required(s.product(), path, "product"), at(path, "product")),
                plan(required(s.plan(), path, "plan"), at(path, "plan")),
                wire(s.channel(), path, "channel", CHANNELS),
                wire(s.status(), path, "status", SUBSCRIPTION_STATUSES),
                required(s.startedAt(), path, "startedAt"),
                s.trialEndsAt(),
                required(s.currentPeriodStart(), path, "currentPeriodStart"),
                required(s.currentPeriodEnd(), path, "currentPeriodEnd"),
                required(s.cancelAtPeriodEnd(), path, "cancelAtPeriodEnd"),
                s.canceledAt(),
                s.endedAt(),
                s.nextPaymentAt(),
                s.nextPaymentAmount() == null ? null : money(s.nextPaymentAmount(), at(path, "nextPaymentAmount")),
                s.deadlinesResetAt(),
                required(s.updatedAt(), path, "updatedAt"),
                required(s.version(), path, "version"));
    }

    private Deleted deleted(DeletedDto d, Loc path) {
        return new Deleted(wire(d.type(), path, "type", DELETED_TYPES), required(d.id(), path, "id"));
    }

    private Product product(ProductDto p, Loc path) {
        return new Product(
                required(p.id(), path, "id"),
                required(p.title(), path, "title"),
                wire(p.type(), path, "type", PRODUCT_TYPES),
                required(p.partner(), path, "partner"));
    }

    private Plan plan(PlanDto p, Loc path) {
        return new Plan(
                required(p.id(), path, "id"),
                wire(p.interval(), path, "interval", INTERVALS),
                money(required(p.price(), path, "price"), at(path, "price")));
    }

    private Money money(MoneyDto m, Loc path) {
        long amount = required(m.amountMinor(), path, "amountMinor");
        return new Money(amount, currency(m.currency(), path, "currency"));
    }

    private PaymentMethod paymentMethod(PaymentMethodDto m, Loc path) {
        String type = required(m.type(), path, "type");
        return switch (type) {
            case "card" -> new PaymentMethod.Card(required(m.brand(), path, "brand"),
                    required(m.last4(), path, "last4"));
            case "paypal" -> new PaymentMethod.PayPal(required(m.email(), path, "email"));
            default -> throw new ApiProtocolException(
                    "Unknown payment method type at " + at(path, "type") + ": '" + type + "'");
        };
    }

    private static Currency currency(String code, Loc parent, String field) {
        required(code, parent, field);
        if (!isCurrencyCode(code)) {
            throw new ApiProtocolException(
                    "Not an ISO 4217 currency code at " + at(parent, field) + ": '" + code + "'");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ApiProtocolException("Unknown currency at " + at(parent, field) + ": '" + code + "'", e);
        }
    }

    /** Three capital ASCII letters, as ISO 4217 writes a currency (checked for every amount read). */
    private static boolean isCurrencyCode(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static <T> T root(T dto, String what) {
        if (dto == null) {
            throw new ApiProtocolException("The response body held no " + what + " (empty or null)");
        }
        return dto;
    }

    private static <T> T required(T value, String path) {
        if (value == null) {
            throw new ApiProtocolException("Required field missing or null: " + path);
        }
        return value;
    }

    private static <E extends Enum<E> & WireEnum> E wire(String value, Loc parent, String field,
                                                         WireLookup<E> lookup) {
        required(value, parent, field);
        try {
            return lookup.fromWire(value);
        } catch (UnknownWireValueException e) {
            throw new ApiProtocolException("At " + at(parent, field) + ": " + e.getMessage(), e);
        }
    }

    /** An enum's constants by wire name; a name not among them goes to the enum's fromWire, which says why. */
    private static final class WireLookup<E extends Enum<E> & WireEnum> {
        private final Map<String, E> byName = new HashMap<>();
        private final Function<String, E> fromWire;

        WireLookup(Class<E> type, Function<String, E> fromWire) {
            this.fromWire = fromWire;
            for (E constant : type.getEnumConstants()) {
                byName.put(constant.wireName(), constant);
            }
        }

        E fromWire(String value) {
            E known = byName.get(value);
            return known != null ? known : fromWire.apply(value);
        }
    }

    private interface ElementMapper<D, R> {
        R map(D dto, Loc path);
    }

    private static <D, R> List<R> list(List<D> dtos, String path, ElementMapper<D, R> mapper) {
        List<R> out = new ArrayList<>(dtos.size());
        Loc list = Loc.ROOT.field(path);
        for (int i = 0; i < dtos.size(); i++) {
            Loc elementPath = list.index(i);
            out.add(mapper.map(required(dtos.get(i), elementPath), elementPath));
        }
        return out;
    }

    private static Loc at(Loc path, String field) {
        return path.field(field);
    }

    /** As {@link #required(Object, Loc)} for {@code parent.field}, whose path is made only if it is missing. */
    private static <T> T required(T value, Loc parent, String field) {
        if (value == null) {
            throw new ApiProtocolException("Required field missing or null: " + at(parent, field));
        }
        return value;
    }

    private static <T> T required(T value, Loc path) {
        if (value == null) {
            throw new ApiProtocolException("Required field missing or null: " + path);
        }
        return value;
    }

    /**
     * Where a value sits in a body ({@code purchases[3].product.title}), spelled out only when
     * an error message needs it: building that text for every field of every record was a
     * tenth of the time of reading a 100,000-purchase sync.
     */
    private static final class Loc {

        static final Loc ROOT = new Loc(null, "", -1);

        private final Loc parent;
        private final String field;
        private final int index;

        private Loc(Loc parent, String field, int index) {
            this.parent = parent;
            this.field = field;
            this.index = index;
        }

        Loc field(String name) {
            return new Loc(this, name, -1);
        }

        Loc index(int i) {
            return new Loc(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return field;
            }
            String above = parent.toString();
            if (field == null) {
                return above + "[" + index + "]";
            }
            return above.isEmpty() ? field : above + "." + field;
        }
    }
}
