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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one place where response DTOs become domain records. Every required field is
 * checked and every enum value looked up; the first problem fails the whole answer with an
 * {@link ApiProtocolException} naming the field, so no half-mapped record escapes.
 */
final class DtoMapper {


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
        String tag = required(a.locale(), at(path, "locale"));
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw new ApiProtocolException("Not a BCP 47 language tag at " + at(path, "locale") + ": '" + tag + "'");
        }
        return new Account(
                required(a.id(), at(path, "id")),
                required(a.email(), at(path, "email")),
                required(a.displayName(), at(path, "displayName")),
                required(a.country(), at(path, "country")),
                currency(a.currency(), at(path, "currency")),
                locale,
                required(a.createdAt(), at(path, "createdAt")));
    }

    private Purchase purchase(PurchaseDto p, Loc path) {
        return new Purchase(
                required(p.id(), at(path, "id")),
                wire(p.kind(), at(path, "kind"), PurchaseKind::fromWire),
                product(required(p.product(), at(path, "product")), at(path, "product")),
                p.subscriptionId(),
                money(required(p.amount(), at(path, "amount")), at(path, "amount")),
                money(required(p.tax(), at(path, "tax")), at(path, "tax")),
                money(required(p.total(), at(path, "total")), at(path, "total")),
                wire(p.channel(), at(path, "channel"), Channel::fromWire),
                wire(p.status(), at(path, "status"), PurchaseStatus::fromWire),
                required(p.purchasedAt(), at(path, "purchasedAt")),
                p.refundedAt(),
                p.refundableUntil(),
                required(p.receiptNumber(), at(path, "receiptNumber")),
                paymentMethod(required(p.paymentMethod(), at(path, "paymentMethod")), at(path, "paymentMethod")),
                required(p.updatedAt(), at(path, "updatedAt")),
                required(p.version(), at(path, "version")));
    }

    private Subscription subscription(SubscriptionDto s, Loc path) {
        return new Subscription(
                required(s.id(), at(path, "id")),
                product(required(s.product(), at(path, "product")), at(path, "product")),
                plan(required(s.plan(), at(path, "plan")), at(path, "plan")),
                wire(s.channel(), at(path, "channel"), Channel::fromWire),
                wire(s.status(), at(path, "status"), SubscriptionStatus::fromWire),
                required(s.startedAt(), at(path, "startedAt")),
                s.trialEndsAt(),
                required(s.currentPeriodStart(), at(path, "currentPeriodStart")),
                required(s.currentPeriodEnd(), at(path, "currentPeriodEnd")),
                required(s.cancelAtPeriodEnd(), at(path, "cancelAtPeriodEnd")),
                s.canceledAt(),
                s.endedAt(),
                s.nextPaymentAt(),
                s.nextPaymentAmount() == null ? null : money(s.nextPaymentAmount(), at(path, "nextPaymentAmount")),
                s.deadlinesResetAt(),
                required(s.updatedAt(), at(path, "updatedAt")),
                required(s.version(), at(path, "version")));
    }

    private Deleted deleted(DeletedDto d, Loc path) {
        return new Deleted(wire(d.type(), at(path, "type"), Deleted.Type::fromWire), required(d.id(), at(path, "id")));
    }

    private Product product(ProductDto p, Loc path) {
        return new Product(
                required(p.id(), at(path, "id")),
                required(p.title(), at(path, "title")),
                wire(p.type(), at(path, "type"), ProductType::fromWire),
                required(p.partner(), at(path, "partner")));
    }

    private Plan plan(PlanDto p, Loc path) {
        return new Plan(
                required(p.id(), at(path, "id")),
                wire(p.interval(), at(path, "interval"), BillingInterval::fromWire),
                money(required(p.price(), at(path, "price")), at(path, "price")));
    }

    private Money money(MoneyDto m, Loc path) {
        long amount = required(m.amountMinor(), at(path, "amountMinor"));
        return new Money(amount, currency(m.currency(), at(path, "currency")));
    }

    private PaymentMethod paymentMethod(PaymentMethodDto m, Loc path) {
        String type = required(m.type(), at(path, "type"));
        return switch (type) {
            case "card" -> new PaymentMethod.Card(required(m.brand(), at(path, "brand")),
                    required(m.last4(), at(path, "last4")));
            case "paypal" -> new PaymentMethod.PayPal(required(m.email(), at(path, "email")));
            default -> throw new ApiProtocolException(
                    "Unknown payment method type at " + at(path, "type") + ": '" + type + "'");
        };
    }

    private static Currency currency(String code, Loc path) {
        required(code, path);
        if (!isCurrencyCode(code)) {
            throw new ApiProtocolException("Not an ISO 4217 currency code at " + path + ": '" + code + "'");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ApiProtocolException("Unknown currency at " + path + ": '" + code + "'", e);
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

    private static <E> E wire(String value, Loc path, Function<String, E> fromWire) {
        required(value, path);
        try {
            return fromWire.apply(value);
        } catch (UnknownWireValueException e) {
            throw new ApiProtocolException("At " + path + ": " + e.getMessage(), e);
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
