package com.coursedesk.sandbox;

/** A seeded account a learner (or a test) can sign in with. */
public record DemoAccount(String email, String password, String displayName, String summary) {
}
