package com.coursedesk.service.purchases;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.PurchaseSnapshot;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.actions.ActionService;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The purchase history as the screens read it from the local copy: search and filters, the
 * years that have purchases, one purchase's refund request, and asking for a refund. Every
 * method reads or writes the store, so call them off the UI thread.
 */
public final class PurchaseHistoryService {

    private final LocalStore store;
    private final ActionService actions;
    private final ZoneId zone;
    private final PurchaseDao purchases = new PurchaseDao();
    private final AtomicReference<PurchaseSnapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<TextOrder> order = new AtomicReference<>();

    /**
     * @param zone the learner's time zone: a year filter and the year list count calendar years there
     */
    public PurchaseHistoryService(LocalStore store, ActionService actions, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The purchases matching {@code filter}, newest first. Searched in memory in a snapshot of
     * the whole history, read again only when the purchases changed (their generation moved):
     * the screen that asks holds them all anyway, and reading a large result through JDBC cost
     * far more than finding it (PurchaseSnapshot). During a bulk load, whose rows do not move
     * the generation, it searches the store itself.
     */
    public List<PurchaseEntry> search(PurchaseFilter filter) {
        PurchaseMatches found = find(filter);
        List<PurchaseEntry> entries = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            entries.add(new PurchaseEntry(found.purchase(i), found.actionPending(i)));
        }
        return entries;
    }

    /**
     * Like {@link #search}, but the purchases stay in the compact snapshot (PurchaseSnapshot)
     * and are made one at a time when asked for: what a screen showing 100,000 of them uses.
     */
    public PurchaseMatches matches(PurchaseFilter filter, Locale locale) {
        PurchaseMatches found = find(filter);
        // A bulk load's partial result (no generation) gets an order of its own, not cached.
        PurchaseSnapshot of = found.snapshot();
        return found.withOrder(of.generation() < 0 ? new TextOrder(of, locale) : order(of, locale));
    }

    private PurchaseMatches find(PurchaseFilter filter) {
        PurchaseQuery query = filter.toQuery(zone);
        return store.read(c -> {
            if (SyncStateDao.isBulkLoad(c)) {
                PurchaseSnapshot.Builder loaded = new PurchaseSnapshot.Builder();
                for (StoredPurchase stored : purchases.search(c, query)) {
                    loaded.add(stored.purchase(), stored.pendingActionId());
                }
                PurchaseSnapshot partial = loaded.build(-1);
                return new PurchaseMatches(partial, allOf(partial), null);
            }
            PurchaseSnapshot known = snapshot.get();
            if (known == null || known.generation() != purchases.generation(c)) {
                known = purchases.snapshot(c);
                snapshot.set(known);
            }
            return new PurchaseMatches(known, known.search(query), null);
        });
    }

    /**
     * The alphabetical places of the snapshot's titles, partners and receipt numbers in
     * {@code locale}'s order, kept for the latest snapshot and language (each column's made when
     * first sorted by): sorting the table by title then compares two ints, not two texts.
     */
    private TextOrder order(PurchaseSnapshot of, Locale locale) {
        TextOrder known = order.get();
        if (known != null && known.snapshot() == of && known.locale().equals(locale)) {
            return known;
        }
        TextOrder made = new TextOrder(of, locale);
        order.set(made);
        return made;
    }

    private static int[] allOf(PurchaseSnapshot snapshot) {
        int[] all = new int[snapshot.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * Changes whenever any purchase is added, changed or removed: a screen that shows the
     * result of {@link #search} for one generation need not search again for the same one.
     */
    public long generation() {
        return store.read(purchases::generation);
    }

    /** The calendar years (in the learner's zone) that have purchases, newest first. */
    public List<Year> years() {
        return store.read(c -> purchases.years(c, zone)).stream().map(Year::of).toList();
    }

    public Optional<PurchaseEntry> find(String purchaseId) {
        return store.read(c -> purchases.findById(c, purchaseId)).map(PurchaseHistoryService::entry);
    }

    private static PurchaseEntry entry(StoredPurchase stored) {
        return new PurchaseEntry(stored.purchase(), stored.hasPendingAction());
    }

    /** The latest refund request for this purchase and the provider's answer, if one was ever made here. */
    public Optional<RefundRequestState> latestRefundRequest(String purchaseId) {
        return actions.latestFor(RecordType.PURCHASE, purchaseId)
                .filter(action -> action.kind() == ActionKind.REFUND)
                .map(PurchaseHistoryService::state);
    }

    private static RefundRequestState state(ActionRecord action) {
        return switch (action.state()) {
            case PENDING, SENDING -> new RefundRequestState(RefundRequestState.Stage.PENDING, action.createdAt(),
                    null, null);
            case CONFIRMED -> new RefundRequestState(RefundRequestState.Stage.CONFIRMED, action.createdAt(),
                    action.answeredAt(), null);
            case REFUSED, FAILED -> new RefundRequestState(RefundRequestState.Stage.REFUSED, action.createdAt(),
                    action.answeredAt(), action.serverDetail() != null ? action.serverDetail() : action.serverCode());
        };
    }

    /**
     * Queues a refund request; it is sent at once when the server can be reached, later otherwise.
     *
     * @return the action's id in the history
     * @throws ActionNotAllowedException when the local copy already shows it cannot be done
     */
    public long requestRefund(String purchaseId, String reason) {
        return actions.requestRefund(purchaseId, reason);
    }
}
