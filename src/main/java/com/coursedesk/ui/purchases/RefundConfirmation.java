package com.coursedesk.ui.purchases;

/**
 * The words of the refund confirmation dialog, which the view builds.
 *
 * @param message      what happens: the amount, where it goes, and the rule
 * @param confirmLabel the confirm button, named for the action ("Request refund of £39.00")
 */
public record RefundConfirmation(String title, String header, String message, String reasonLabel,
                                 String reasonPrompt, String confirmLabel, String cancelLabel) {
}
