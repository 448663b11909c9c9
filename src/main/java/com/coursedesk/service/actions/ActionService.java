package com.coursedesk.service.actions;

import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.ApiProtocolException;
import com.coursedesk.data.api.ApiUnreachableException;
import com.coursedesk.data.db.ActionAnswer;
import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.NewAction;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.auth.SessionTokens;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The learner's actions (cancel, restart, refund request) as an outbox. Confirming writes the
 * action, with a fresh random idempotency key, and the record's pending mark in one
 * transaction; sending reuses that key on every attempt, so the provider acts at most once.
 * Every action and its answer stays in the history, the learner's proof.
 */
public final class ActionService {

    private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

    private final LocalStore store;
    private final SessionTokens session;
    private final Clock clock;
    private final Supplier<String> idempotencyKeys;
    private final Runnable onQueued;
    private final ActionDao actions = new ActionDao();
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final Object sending = new Object();

    /**
     * @param onQueued called after an action is stored, to send it at once when online (the
     *                 composition root passes the sync engine's "sync now")
     */
    public ActionService(LocalStore store, SessionTokens session, Clock clock, Supplier<String> idempotencyKeys,
                         Runnable onQueued) {
        this.store = store;
        this.session = session;
        this.clock = clock;
        this.idempotencyKeys = idempotencyKeys;
        this.onQueued = onQueued;
    }

    public static Supplier<String> randomKeys() {
        return () -> UUID.randomUUID().toString();
    }

    // ----- confirming -----

    /** Queues a cancellation; returns the action's id. */
    public long cancel(String subscriptionId, CancelReason reason, String comment) {
        if (comment != null && comment.length() > 1000) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.INVALID_INPUT,
                    "The comment is limited to 1000 characters.");
        }
        JsonObject body = new JsonObject();
        if (reason != null) {
            body.addProperty("reason", reason.wireName());
        }
        if (comment != null && !comment.isBlank()) {
            body.addProperty("comment", comment.strip());
        }
        return queue(ActionKind.CANCEL, subscriptionId, body, () -> {
            Subscription s = subscription(subscriptionId);
            if (!s.isManagedHere()) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.MANAGED_ELSEWHERE,
                        "This subscription is managed in " + s.channel().wireName() + ".");
            }
            if (!s.isCancelable()) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_CANCELABLE,
                        "This subscription has ended or is already set to end.");
            }
        });
    }

    /** Queues a restart (undoing a cancellation, or starting again after the end). */
    public long restart(String subscriptionId) {
        return queue(ActionKind.RESTART, subscriptionId, new JsonObject(), () -> {
            Subscription s = subscription(subscriptionId);
            if (!s.isManagedHere()) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.MANAGED_ELSEWHERE,
                        "This subscription is managed in " + s.channel().wireName() + ".");
            }
            if (!s.isRestartable()) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_RESTARTABLE,
                        "This subscription is running and not set to end.");
            }
        });
    }

    /** Queues a refund request for a purchase still inside its refund window. */
    public long requestRefund(String purchaseId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.INVALID_INPUT,
                    "Give a reason of 1 to 500 characters.");
        }
        JsonObject body = new JsonObject();
        body.addProperty("reason", reason.strip());
        return queue(ActionKind.REFUND, purchaseId, body, () -> {
            Purchase p = purchase(purchaseId);
            if (!p.isManagedHere()) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.MANAGED_ELSEWHERE,
                        "This purchase was made in " + p.channel().wireName() + ".");
            }
            if (!p.isRefundable(clock.instant())) {
                throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_REFUNDABLE,
                        "This purchase cannot be refunded.");
            }
        });
    }

    private long queue(ActionKind kind, String targetId, JsonObject body, Runnable check) {
        check.run();
        NewAction action = new NewAction(kind, targetId, idempotencyKeys.get(), body.toString(), clock.instant());
        long id;
        try {
            id = store.write(connection -> actions.insertPending(connection, action));
        } catch (IllegalStateException e) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.ALREADY_PENDING,
                    "An earlier action on this record is still waiting to be sent.");
        }
        LOG.info("Queued {} of {} as action {}", kind.wireName(), targetId, id);
        onQueued.run();
        return id;
    }

    private Subscription subscription(String id) {
        return store.read(c -> subscriptions.findById(c, id)).map(StoredSubscription::subscription)
                .orElseThrow(() -> new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_FOUND,
                        "No subscription " + id + " in the local copy."));
    }

    private Purchase purchase(String id) {
        return store.read(c -> purchases.findById(c, id)).map(StoredPurchase::purchase)
                .orElseThrow(() -> new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_FOUND,
                        "No purchase " + id + " in the local copy."));
    }

    // ----- sending -----

    /**
     * Sends every open action, oldest first, each with its own key. Stops at the first that
     * cannot reach the server (they stay pending, in order).
     *
     * @throws ApiUnreachableException when the server cannot be reached (after retries)
     */
    public SendReport sendPending() {
        synchronized (sending) {
            int confirmed = 0;
            int refused = 0;
            List<ActionRecord> open = store.read(actions::openOldestFirst);
            for (int i = 0; i < open.size(); i++) {
                ActionRecord action = open.get(i);
                store.write(c -> {
                    actions.markSending(c, action.id(), clock.instant());
                    return null;
                });
                try {
                    Object result = send(action);
                    store.write(c -> {
                        String json = ActionResults.summary(result);
                        if (result instanceof Subscription s) {
                            subscriptions.upsertAll(c, List.of(s));
                            actions.markConfirmed(c, action.id(), new ActionAnswer(clock.instant(), 200, null, null,
                                    json, s.updatedAt()));
                        } else if (result instanceof Purchase p) {
                            purchases.upsertAll(c, List.of(p));
                            actions.markConfirmed(c, action.id(), new ActionAnswer(clock.instant(), 200, null, null,
                                    json, p.updatedAt()));
                        }
                        return null;
                    });
                    confirmed++;
                    LOG.info("Action {} ({}) confirmed by the provider", action.id(), action.kind().wireName());
                } catch (ApiException e) {
                    if (isDefiniteRefusal(e)) {
                        store.write(c -> {
                            ActionAnswer answer = new ActionAnswer(clock.instant(), e.status(), e.rawCode(),
                                    e.detail(), null, null);
                            if (e.status() == 400 || e.status() == 422) {
                                // Our own request was wrong; retrying the same bytes cannot help.
                                actions.markFailed(c, action.id(), answer);
                            } else {
                                actions.markRefused(c, action.id(), answer);
                            }
                            return null;
                        });
                        refused++;
                        LOG.info("Action {} refused: {} {}", action.id(), e.status(), e.rawCode());
                    } else {
                        backToPending(action, e.status() + " " + e.rawCode());
                        throw e;
                    }
                } catch (ApiUnreachableException | ApiProtocolException e) {
                    // The action may or may not have happened; the same key makes the retry safe.
                    backToPending(action, e.getClass().getSimpleName());
                    throw e;
                } catch (RuntimeException e) {
                    backToPending(action, e.getClass().getSimpleName());
                    throw e;
                }
            }
            return new SendReport(confirmed, refused);
        }
    }

    private static boolean isDefiniteRefusal(ApiException e) {
        int s = e.status();
        return s == 400 || s == 402 || s == 404 || s == 409 || s == 422;
    }

    private void backToPending(ActionRecord action, String error) {
        store.write(c -> {
            actions.returnToPending(c, action.id(), error);
            return null;
        });
    }

    private Object send(ActionRecord action) {
        JsonObject body = JsonParser.parseString(action.requestJson()).getAsJsonObject();
        String key = action.idempotencyKey();
        String target = action.targetId();
        return switch (action.kind()) {
            case CANCEL -> session.call(token -> session.api().cancelSubscription(token, target,
                    body.has("reason") ? CancelReason.fromWire(body.get("reason").getAsString()) : null,
                    body.has("comment") ? body.get("comment").getAsString() : null, key));
            case RESTART -> session.call(token -> session.api().restartSubscription(token, target, key));
            case REFUND -> session.call(token -> session.api().requestRefund(token, target,
                    body.get("reason").getAsString(), key));
        };
    }

    // ----- reading -----

    /** Every action ever confirmed here, newest first: the learner's proof. */
    public List<ActionRecord> history() {
        return store.read(actions::history);
    }

    public long openCount() {
        return store.read(actions::openOldestFirst).size();
    }

    /** The newest action on one record, to show "pending", "confirmed" or "refused: why". */
    public Optional<ActionRecord> latestFor(RecordType type, String id) {
        return store.read(c -> actions.historyOf(c, type, id)).stream().findFirst();
    }

}
