package com.coursedesk.ui.shell;

/** The pages of the signed-in window, in navigation order. */
public enum Screen {
    PURCHASES("shell.nav.purchases"),
    SUBSCRIPTIONS("shell.nav.subscriptions"),
    UPCOMING("shell.nav.upcoming"),
    ACCOUNT("shell.nav.account");

    private final String labelKey;

    Screen(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
