package com.coursedesk.ui.upcoming;

/**
 * One coming event as the view shows it.
 *
 * @param date      its day in the learner's zone ("3 May 2026")
 * @param relative  how far away ("in 3 days")
 * @param what      what happens ("Renewal")
 * @param amount    the money involved in words, or null
 * @param kindStyle a style class for the kind (e.g. "status-warning" when access ends)
 */
public record UpcomingItem(String id, String date, String relative, String what, String title, String amount,
                           String kindStyle) {
}
