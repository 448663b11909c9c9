package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.CancelReason;

import java.util.List;

/**
 * The words of the cancel dialog: what canceling does, the optional reason and comment, and two
 * buttons that name what they do.
 */
public record CancelPrompt(String title, String heading, String body, String reasonLabel, List<ReasonChoice> reasons,
                           String commentLabel, int maxCommentLength, String confirm, String keep) {

    /** A reason in the learner's words; {@code reason} is null for "prefer not to say". */
    public record ReasonChoice(CancelReason reason, String label) {

        @Override
        public String toString() {
            return label;
        }
    }
}
