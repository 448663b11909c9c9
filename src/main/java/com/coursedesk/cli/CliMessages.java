package com.coursedesk.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The command line's texts, from the app's bundle ({@code cli.*} keys). A value read with
 * arguments is a {@link MessageFormat} pattern; one read without is printed as written (the
 * bundle's rule, checked by {@code MessagesBundleTest}). The variable holding this object is
 * called {@code messages}, which is how that test finds the keys in use.
 */
final class CliMessages {

    /** The app's bundle (the same one the screens read). */
    static final String BUNDLE = "com.coursedesk.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private CliMessages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The texts for {@code locale}, falling back to the English base bundle and never to the
     * machine's default locale.
     */
    static CliMessages load(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CliMessages(bundle, locale);
    }

    String get(String key, Object... args) {
        String value = bundle.getString(key);
        return args.length == 0 ? value : new MessageFormat(value, locale).format(args);
    }

    Locale locale() {
        return locale;
    }
}
