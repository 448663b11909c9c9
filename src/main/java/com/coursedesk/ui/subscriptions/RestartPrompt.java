package com.coursedesk.ui.subscriptions;

/**
 * The words of the restart dialog: what it costs, and two buttons that name what they do.
 *
 * @param charges true when confirming takes a payment today
 */
public record RestartPrompt(String title, String heading, String body, String confirm, String dismiss,
                            boolean charges) {
}
