package com.coursedesk.ui.subscriptions;

/**
 * One subscription's card as the view shows it: every text in words, every style a class name of
 * app.css (empty for none). Nullable texts are lines the card leaves out.
 *
 * @param detail        a second status line (a store subscription's state), or null
 * @param action        the newest action's state (pending, confirmed, refused), or null
 * @param warning       act-now warning for a pending action, or null
 * @param deadlines     "Personalized deadlines restarted on …", or null
 * @param reminder      the learner's restart reminder, or null
 * @param restartLabel  the restart button's words, or null when restart is not offered
 */
public record SubscriptionItem(String id, String title, String partner, String plan, String channel,
                               String status, String statusStyle, String detail, String detailStyle,
                               String action, String actionStyle, String warning, String deadlines,
                               String reminder, boolean reminderDue, boolean canCancel, boolean canPause,
                               String restartLabel, boolean managedElsewhere) {

    public boolean canRestart() {
        return restartLabel != null;
    }
}
