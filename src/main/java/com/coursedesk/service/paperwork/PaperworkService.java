package com.coursedesk.service.paperwork;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.upcoming.UpcomingEvent;
import com.coursedesk.service.upcoming.UpcomingService;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The paperwork of one open account, from its local copy and with no network: receipts, the
 * tax-year ZIP, the calendar of coming payments, price histories and proofs of actions, in
 * the learner's language and time zone. Every method reads the store or writes a file:
 * blocking, never on the UI thread.
 */
public final class PaperworkService {

    private final StoreReader store;
    private final PaperworkTexts messages;
    private final ZoneId zone;
    private final Clock clock;
    private final Learner learner;
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final ActionDao actions = new ActionDao();

    public PaperworkService(LocalStore store, KnownAccount account, PaperworkTexts messages, ZoneId zone,
                            Clock clock) {
        this(StoreReader.of(store), account, messages, zone, clock);
    }

    /** @param store reads of the account's local copy (the command line's is read-only) */
    public PaperworkService(StoreReader store, KnownAccount account, PaperworkTexts messages, ZoneId zone,
                            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.learner = Learner.of(account, messages);
    }

    public Learner learner() {
        return learner;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Writes the receipt of {@code purchaseId} to {@code file}.
     *
     * @throws NoSuchElementException when the purchase is not in the local copy
     */
    public Purchase saveReceipt(String purchaseId, Path file) throws IOException {
        Purchase purchase = store.read(c -> purchases.findById(c, purchaseId)).map(StoredPurchase::purchase)
                .orElseThrow(() -> new NoSuchElementException("No purchase " + purchaseId + " in the local copy"));
        new ReceiptPdf(messages, zone, learner).save(purchase, file);
        return purchase;
    }

    /** The calendar years (in the learner's zone) that have purchases, newest first. */
    public List<Integer> purchaseYears() {
        return store.read(c -> purchases.years(c, zone));
    }

    /** Writes the ZIP of {@code year} to {@code file}; see {@link TaxYearExport}. */
    public TaxYearSummary exportTaxYear(TaxYear year, Path file, TaxYearExport.Progress progress) throws IOException {
        PurchaseQuery inYear = PurchaseQuery.all().withPurchasedBetween(year.from(zone), year.before(zone));
        List<Purchase> found = store.read(c -> purchases.search(c, inYear)).stream()
                .map(StoredPurchase::purchase).toList();
        return new TaxYearExport(messages, zone, learner).export(year, found, file, progress);
    }

    /**
     * Writes the coming money events to {@code file} as an iCalendar file.
     *
     * @return how many events it holds
     */
    public int saveCalendar(UpcomingService upcoming, int reminderDays, Path file) throws IOException {
        List<UpcomingEvent> events = upcoming.events(clock.instant(), zone);
        new CalendarExport(messages, zone, clock).save(events, learner, reminderDays, file);
        return events.size();
    }

    /** What each period of {@code subscriptionId} cost, oldest first. */
    public PriceHistory priceHistory(String subscriptionId) {
        return store.read(c -> {
            List<Purchase> payments = purchases.findBySubscription(c, subscriptionId).stream()
                    .map(StoredPurchase::purchase).toList();
            // A subscription the provider has since deleted is still named by its payments.
            String title = subscriptions.findById(c, subscriptionId).map(StoredSubscription::subscription)
                    .map(Subscription::product).map(Product::title)
                    .orElse(payments.isEmpty() ? subscriptionId : payments.get(0).product().title());
            return PriceHistory.of(subscriptionId, title, payments);
        });
    }

    /**
     * Writes the proof of action {@code actionId} to {@code file}.
     *
     * @throws NoSuchElementException when there is no such action
     */
    public ActionRecord saveProof(long actionId, Path file) throws IOException {
        record Found(ActionRecord action, String title) {
        }
        Found found = store.read(c -> {
            ActionRecord action = actions.findById(c, actionId).orElse(null);
            if (action == null) {
                return null;
            }
            String title = action.targetType() == RecordType.PURCHASE
                    ? purchases.findById(c, action.targetId()).map(p -> p.purchase().product().title()).orElse(null)
                    : subscriptions.findById(c, action.targetId()).map(s -> s.subscription().product().title())
                    .orElse(null);
            return new Found(action, title);
        });
        if (found == null) {
            throw new NoSuchElementException("No action " + actionId + " in the history");
        }
        String title = found.title() != null ? found.title() : titleInAnswer(found.action().resultJson());
        new ProofPdf(messages, zone, learner, clock).save(found.action(), title, file);
        return found.action();
    }

    /** A record since deleted by the provider is named by the answer kept with its action. */
    static String titleInAnswer(String resultJson) {
        if (resultJson == null || resultJson.isBlank()) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(resultJson);
            if (parsed.isJsonObject() && parsed.getAsJsonObject().has("title")
                    && parsed.getAsJsonObject().get("title").isJsonPrimitive()) {
                return parsed.getAsJsonObject().get("title").getAsString();
            }
        } catch (JsonParseException e) {
            return null;
        }
        return null;
    }
}
