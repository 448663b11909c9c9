package com.coursedesk.ui.login;

/** A demo account shown on the sign-in screen, so a new user can try the app at once. */
public record DemoCredentials(String email, String password, String displayName) {
}
