package com.coursedesk.ui.subscriptions;

import java.time.LocalDate;

/**
 * The words of the pause dialog and its reminder date: offered {@code defaultDate}, no earlier
 * than {@code earliestDate}.
 */
public record PausePrompt(String title, String heading, String body, String dateLabel, LocalDate defaultDate,
                          LocalDate earliestDate, String confirm, String keep) {
}
