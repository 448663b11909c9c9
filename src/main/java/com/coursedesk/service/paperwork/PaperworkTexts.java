package com.coursedesk.service.paperwork;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of the documents (receipts, proofs, calendar entries, the tax-year summary), from
 * the app's bundle ({@code paperwork.*} keys) in the learner's language. Documents are made
 * below the UI, so this plays the part of the UI's {@code Messages}: a value read with
 * arguments is a {@link MessageFormat} pattern, one read without is shown as written. The
 * variable holding it is called {@code messages}, which is how the bundle test finds the keys.
 */
public final class PaperworkTexts {

    /** The app's bundle, the same one the screens and the command line read. */
    static final String BUNDLE = "com.coursedesk.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private PaperworkTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The texts for {@code locale}, which also writes the numbers, money and dates; a language
     * CourseDesk does not ship falls back to the English base bundle, never to the machine's
     * default locale.
     */
    public static PaperworkTexts load(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new PaperworkTexts(bundle, locale);
    }

    public String get(String key, Object... args) {
        String value = bundle.getString(key);
        return args.length == 0 ? value : new MessageFormat(value, locale).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
