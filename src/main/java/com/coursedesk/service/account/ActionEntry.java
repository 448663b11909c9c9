package com.coursedesk.service.account;

import com.coursedesk.data.db.ActionRecord;

import java.util.Objects;

/**
 * One action of the history with the title of the course or subscription it applies to.
 *
 * @param targetTitle the record's title, from the local copy or from the provider's answer;
 *                    null when neither knows it any more
 */
public record ActionEntry(ActionRecord action, String targetTitle) {

    public ActionEntry {
        Objects.requireNonNull(action, "action");
    }
}
