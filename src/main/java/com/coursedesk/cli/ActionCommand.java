package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.UnknownWireValueException;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cancel SUB_ID [--reason R] [--comment C]}, {@code restart SUB_ID} and
 * {@code refund PURCHASE_ID --reason TEXT}: the action is queued in the outbox (so it is never
 * lost, and sent with one idempotency key however often it is retried), then one sync
 * delivers it. Prints what the provider answered: confirmed, refused with its reason, or
 * still pending. Exit code: 0 confirmed, 2 not possible here, 3 signed out, 4 offline
 * (pending), 5 refused.
 */
final class ActionCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(ActionCommand.class);

    private final ActionKind kind;
    private final CommandSpec spec;

    ActionCommand(ActionKind kind) {
        this.kind = kind;
        this.spec = switch (kind) {
            case CANCEL -> new CommandSpec("cancel", Set.of("data-dir", "account", "server", "reason", "comment"),
                    1, 1, true);
            case RESTART -> new CommandSpec("restart", Set.of("data-dir", "account", "server"), 1, 1, true);
            case REFUND -> new CommandSpec("refund", Set.of("data-dir", "account", "server", "reason"), 1, 1, true);
        };
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        String target = args.words().get(0);
        CancelReason cancelReason = kind == ActionKind.CANCEL ? cancelReason(context, args) : null;
        if (kind == ActionKind.REFUND && args.value("reason").isEmpty()) {
            throw CliException.usage(messages.get("cli.refund.needReason"), "refund");
        }
        KnownAccount account = context.account(args);
        try (AccountSession session = context.core().signIn().open(account)) {
            long id;
            try {
                id = switch (kind) {
                    case CANCEL -> session.actions().cancel(target, cancelReason, args.value("comment").orElse(null));
                    case RESTART -> session.actions().restart(target);
                    case REFUND -> session.actions().requestRefund(target, args.value("reason").orElseThrow());
                };
            } catch (ActionNotAllowedException e) {
                throw CliException.usage(notAllowed(context, session, e, target), null);
            }
            ActionDao actions = new ActionDao();
            ActionRecord queued = session.store().read(c -> actions.findById(c, id)).orElseThrow();
            context.out().println(messages.get("cli.action.queued", ActionOutcome.kind(context, queued), target,
                    String.valueOf(id), queued.idempotencyKey()));
            // Queuing already started a pass; this joins it (or runs one if it has finished).
            SyncRun sync = new SyncRun(context);
            SyncStatus end = sync.run(session);
            ActionRecord answered = session.store().read(c -> actions.findById(c, id)).orElseThrow();
            return report(context, session, answered, end, sync);
        }
    }

    private int report(CliContext context, AccountSession session, ActionRecord action, SyncStatus end,
                       SyncRun sync) {
        CliMessages messages = context.messages();
        switch (action.state()) {
            case CONFIRMED -> {
                String when = action.serverTime() == null ? "-" : context.format().dateTime(action.serverTime());
                context.out().println(messages.get("cli.action.confirmed", when));
                context.out().println(result(context, session, action));
                return ExitCode.OK;
            }
            case REFUSED, FAILED -> {
                context.out().println(messages.get("cli.action.refused",
                        action.serverDetail() == null ? "-" : action.serverDetail(),
                        action.serverStatus() + (action.serverCode() == null ? "" : " " + action.serverCode())));
                return ExitCode.REFUSED;
            }
            default -> {
                context.out().println(messages.get("cli.action.stillPending"));
                context.out().println(sync.describe(end, session));
                int code = SyncRun.exitCode(end);
                return code == ExitCode.OK ? ExitCode.OFFLINE : code;
            }
        }
    }

    /** The record's new state after a confirmed action. */
    private String result(CliContext context, AccountSession session, ActionRecord action) {
        CliMessages messages = context.messages();
        CliFormat format = context.format();
        if (kind == ActionKind.REFUND) {
            Purchase p = purchase(session, action.targetId());
            return messages.get("cli.refund.done", format.money(p.total()), p.product().title());
        }
        Subscription s = subscription(session, action.targetId());
        if (kind == ActionKind.CANCEL) {
            return messages.get("cli.cancel.done", s.product().title(), format.date(s.accessEndsAt()));
        }
        if (s.nextPaymentAt() != null && s.nextPaymentAmount() != null) {
            return messages.get("cli.restart.doneNextPayment", s.product().title(),
                    format.money(s.nextPaymentAmount()), format.date(s.nextPaymentAt()));
        }
        return messages.get("cli.restart.done", s.product().title());
    }

    private static CancelReason cancelReason(CliContext context, CliArgs args) {
        if (args.value("reason").isEmpty()) {
            return null;
        }
        try {
            return CancelReason.fromWire(args.value("reason").get().trim());
        } catch (UnknownWireValueException e) {
            String allowed = Arrays.stream(CancelReason.values()).map(CancelReason::wireName)
                    .collect(Collectors.joining(", "));
            throw CliException.usage(context.messages().get("cli.cancel.badReason", allowed), "cancel");
        }
    }

    /** Why the local copy shows the action cannot be done, in plain words. */
    private String notAllowed(CliContext context, AccountSession session, ActionNotAllowedException e,
                              String target) {
        CliMessages messages = context.messages();
        RecordWords words = new RecordWords(context);
        return switch (e.reason()) {
            case NOT_FOUND -> messages.get(kind == ActionKind.REFUND ? "cli.action.noPurchase"
                    : "cli.action.noSubscription", target);
            case MANAGED_ELSEWHERE -> kind == ActionKind.REFUND
                    ? messages.get("cli.refund.managedElsewhere", words.channel(purchase(session, target).channel()))
                    : messages.get("cli.action.managedElsewhere",
                            words.channel(subscription(session, target).channel()));
            case NOT_CANCELABLE -> messages.get("cli.action.notCancelable");
            case NOT_RESTARTABLE -> messages.get("cli.action.notRestartable");
            case NOT_REFUNDABLE -> notRefundable(context, purchase(session, target));
            case ALREADY_PENDING -> messages.get("cli.action.alreadyPending");
            case INVALID_INPUT -> {
                // The service's English words for it go to the log; the learner reads what to change.
                LOG.warn("{} {} not accepted: {}", kind, target, e.getMessage());
                yield messages.get(kind == ActionKind.REFUND ? "cli.refund.invalid" : "cli.cancel.invalid");
            }
        };
    }

    private static String notRefundable(CliContext context, Purchase p) {
        CliMessages messages = context.messages();
        if (p.status() != PurchaseStatus.PAID) {
            return messages.get("cli.refund.notPaid", new RecordWords(context).purchaseStatus(p.status()));
        }
        if (p.refundableUntil() == null) {
            return messages.get("cli.refund.never");
        }
        return messages.get("cli.refund.windowClosed", context.format().dateTime(p.refundableUntil()));
    }

    private static Purchase purchase(AccountSession session, String id) {
        return session.store().read(c -> new PurchaseDao().findById(c, id)).map(StoredPurchase::purchase)
                .orElseThrow();
    }

    private static Subscription subscription(AccountSession session, String id) {
        return session.store().read(c -> new SubscriptionDao().findById(c, id)).map(StoredSubscription::subscription)
                .orElseThrow();
    }
}
