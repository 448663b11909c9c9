package com.coursedesk.cli;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;

/** What the provider did with an action, in the learner's words. */
final class ActionOutcome {

    private ActionOutcome() {
    }

    /** The action's kind as a word ("cancel"). */
    static String kind(CliContext context, ActionRecord action) {
        CliMessages messages = context.messages();
        return switch (action.kind()) {
            case CANCEL -> messages.get("cli.action.kind.cancel");
            case RESTART -> messages.get("cli.action.kind.restart");
            case REFUND -> messages.get("cli.action.kind.refund");
        };
    }

    /** The action's state as a word ("confirmed"). */
    static String state(CliContext context, ActionState state) {
        CliMessages messages = context.messages();
        return switch (state) {
            case PENDING -> messages.get("cli.action.state.pending");
            case SENDING -> messages.get("cli.action.state.sending");
            case CONFIRMED -> messages.get("cli.action.state.confirmed");
            case REFUSED -> messages.get("cli.action.state.refused");
            case FAILED -> messages.get("cli.action.state.failed");
        };
    }

    /** The provider's answer: status, code and detail, or "-" before one came. */
    static String answer(ActionRecord action) {
        if (action.serverStatus() == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder().append(action.serverStatus());
        if (action.serverCode() != null) {
            sb.append(' ').append(action.serverCode());
        }
        if (action.serverDetail() != null) {
            sb.append(": ").append(action.serverDetail());
        }
        return sb.toString();
    }

    /** One line for an action a sync has just delivered. */
    static String sentLine(CliContext context, ActionRecord action) {
        CliMessages messages = context.messages();
        if (action.state() == ActionState.CONFIRMED) {
            return messages.get("cli.action.sentConfirmed", kind(context, action), action.targetId());
        }
        return messages.get("cli.action.sentRefused", kind(context, action), action.targetId(), answer(action));
    }
}
