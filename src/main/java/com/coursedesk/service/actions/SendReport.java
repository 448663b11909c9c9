package com.coursedesk.service.actions;

/**
 * What one pass over the outbox did.
 *
 * @param confirmed actions the server carried out
 * @param refused   actions the server definitely refused or that failed for good (the reason
 *                  is in the history)
 */
public record SendReport(int confirmed, int refused) {
}
