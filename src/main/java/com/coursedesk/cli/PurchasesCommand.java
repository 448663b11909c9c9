package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code purchases [--year Y] [--search TEXT] [--status S] [--type T] [--channel C]
 * [--format table|csv|json]}: the purchase history from the local copy, newest first. Never
 * needs the network.
 */
final class PurchasesCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("purchases", Set.of("data-dir", "account", "server",
            "year", "search", "status", "type", "channel", "format", "csv"), 0, 0, false);
    private static final int TITLE_WIDTH = 44;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        OutputFormat format = OutputFormat.of(context, args, Set.of(OutputFormat.values()), "purchases");
        PurchaseQuery query = query(context, args);
        KnownAccount account = context.account(args);
        Optional<ReadOnlyStore> opened = ReadOnlyStore.open(context.core().directories().accountsDir(),
                account.accountId());
        List<StoredPurchase> rows = List.of();
        Map<Long, ActionRecord> pending = Map.of();
        if (opened.isEmpty()) {
            context.err().println(context.messages().get("cli.list.noCopy", account.email(),
                    context.accountOptions(account)));
        } else {
            try (ReadOnlyStore store = opened.get()) {
                rows = store.read(c -> new PurchaseDao().search(c, query));
                pending = store.read(c -> pendingActions(c, new ActionDao()));
            }
        }
        switch (format) {
            case JSON -> json(context, rows, pending);
            case CSV -> csv(context, rows, pending);
            default -> table(context, rows, pending);
        }
        return ExitCode.OK;
    }

    static Map<Long, ActionRecord> pendingActions(Connection c, ActionDao actions) throws SQLException {
        Map<Long, ActionRecord> byId = new HashMap<>();
        for (ActionRecord a : actions.openOldestFirst(c)) {
            byId.put(a.id(), a);
        }
        return byId;
    }

    private static PurchaseQuery query(CliContext context, CliArgs args) {
        PurchaseQuery query = PurchaseQuery.all().withText(args.value("search").orElse(""))
                .withStatuses(Filters.parse(context, args, "status", PurchaseStatus.class, "purchases"))
                .withProductTypes(Filters.parse(context, args, "type", ProductType.class, "purchases"))
                .withChannels(Filters.parse(context, args, "channel", Channel.class, "purchases"));
        if (args.value("year").isPresent()) {
            String text = args.value("year").get().trim();
            try {
                if (!text.matches("\\d{4}")) {
                    throw new DateTimeException(text);
                }
                query = query.withYear(Year.parse(text), context.format().zone());
            } catch (DateTimeException e) {
                throw CliException.usage(context.messages().get("cli.error.badYear", text), "purchases");
            }
        }
        return query;
    }

    private static void table(CliContext context, List<StoredPurchase> rows, Map<Long, ActionRecord> pending) {
        CliMessages messages = context.messages();
        if (rows.isEmpty()) {
            context.out().println(messages.get("cli.purchases.none"));
            return;
        }
        RecordWords words = new RecordWords(context);
        TextTable table = new TextTable()
                .column(messages.get("cli.purchases.column.id"), 0)
                .column(messages.get("cli.purchases.column.date"), 0)
                .column(messages.get("cli.purchases.column.title"), TITLE_WIDTH)
                .column(messages.get("cli.purchases.column.channel"), 0)
                .column(messages.get("cli.purchases.column.status"), 0)
                .rightAligned(messages.get("cli.purchases.column.total"));
        List<Money> paid = new ArrayList<>();
        for (StoredPurchase row : rows) {
            Purchase p = row.purchase();
            String status = words.purchaseStatus(p.status());
            ActionRecord action = row.pendingActionId() == null ? null : pending.get(row.pendingActionId());
            if (action != null) {
                status = messages.get("cli.list.pendingMark", status, ActionOutcome.kind(context, action));
            }
            table.row(p.id(), context.format().date(p.purchasedAt()), p.product().title(), words.channel(p.channel()),
                    status, context.format().money(p.total()));
            if (p.status() == PurchaseStatus.PAID) {
                paid.add(p.total());
            }
        }
        table.print(context.out());
        context.out().println();
        context.out().println(messages.get("cli.purchases.summary", rows.size(),
                paid.isEmpty() ? "-" : context.format().moneySums(paid)));
    }

    private static void csv(CliContext context, List<StoredPurchase> rows, Map<Long, ActionRecord> pending) {
        Csv csv = new Csv(context.out());
        csv.row(List.of("id", "purchased_at", "title", "partner", "product_type", "kind", "subscription_id",
                "channel", "status", "amount", "tax", "total", "currency", "receipt_number", "payment_method",
                "refunded_at", "refundable_until", "pending_action"));
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(context.format().zone());
        for (StoredPurchase row : rows) {
            Purchase p = row.purchase();
            ActionRecord action = row.pendingActionId() == null ? null : pending.get(row.pendingActionId());
            csv.row(Arrays.asList(p.id(), iso.format(p.purchasedAt()), p.product().title(),
                    p.product().partner(), p.product().type().wireName(), p.kind().wireName(), p.subscriptionId(),
                    p.channel().wireName(), p.status().wireName(), plain(p.amount()), plain(p.tax()),
                    plain(p.total()), p.total().currency().getCurrencyCode(), p.receiptNumber(),
                    method(p.paymentMethod()), instant(iso, p.refundedAt()), instant(iso, p.refundableUntil()),
                    action == null ? "" : action.kind().wireName()));
        }
    }

    private static void json(CliContext context, List<StoredPurchase> rows, Map<Long, ActionRecord> pending) {
        CliJson.printArray(context.out(), rows, row -> CliJson.purchase(row.purchase(),
                row.pendingActionId() == null ? null : pending.get(row.pendingActionId())));
    }

    /** The amount in major units with a dot, as spreadsheets and scripts read it: 49.00, 4900 (JPY). */
    private static String plain(Money money) {
        return money.toDecimal().toPlainString();
    }

    private static String method(PaymentMethod method) {
        if (method instanceof PaymentMethod.Card card) {
            return card.brand() + " •••• " + card.last4();
        }
        return "paypal " + ((PaymentMethod.PayPal) method).maskedEmail();
    }

    private static String instant(DateTimeFormatter iso, Instant instant) {
        return instant == null ? "" : iso.format(instant);
    }
}
