package com.coursedesk.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The app's texts: a thin wrapper over the {@code com.coursedesk.i18n.messages} bundle.
 *
 * <p>Keys are dotted and scoped by feature ({@code subscriptions.cancel.confirm}), never
 * English sentences. A value read with arguments is a {@link MessageFormat} pattern (so a
 * literal apostrophe is written {@code ''}); a value read without arguments, in code or as
 * {@code %key} in FXML, is plain text and is returned as written. {@code MessagesBundleTest}
 * holds every bundle to that rule and fails on a missing or unused key.
 *
 * <p>By convention the variable holding this object is called {@code messages}: the bundle
 * test finds the keys used in code by looking for {@code messages.get("…")}.
 */
public final class Messages {

    /** Base name of the bundle, for {@link ResourceBundle#getBundle}. */
    public static final String BUNDLE = "com.coursedesk.i18n.messages";

    /** The languages CourseDesk ships, the first being the base bundle's. */
    public static final List<Locale> SHIPPED_LANGUAGES = List.of(Locale.ENGLISH, new Locale("es"));

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final ResourceBundle bundle;
    private final Locale locale;

    /**
     * @param bundle the texts
     * @param locale the locale numbers and dates inside messages are written in; normally
     *               the learner's locale, which may carry a region the bundle does not have
     */
    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * The texts for {@code locale} (see {@link #resolveLocale}); falls back to the English base
     * bundle, never to the machine's default locale, so what is shown does not depend on how
     * the computer that runs it is set up.
     */
    public static Messages load(Locale locale) {
        Locale resolved = resolveLocale(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, resolved,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, resolved);
    }

    /**
     * The locale to use for a learner whose locale is {@code requested}: itself when its
     * language is shipped (keeping the region, so en-GB writes dates the British way); else
     * English in the learner's region, so that a German learner reads English words with
     * dates and money in a form familiar to them ({@code 3 May 2026}, not {@code May 3, 2026}).
     */
    public static Locale resolveLocale(Locale requested) {
        Objects.requireNonNull(requested, "requested");
        for (Locale shipped : SHIPPED_LANGUAGES) {
            if (shipped.getLanguage().equals(requested.getLanguage())) {
                return requested;
            }
        }
        return new Locale(SHIPPED_LANGUAGES.get(0).getLanguage(), requested.getCountry());
    }

    /**
     * The text for {@code key}; with arguments, the value formatted as a {@link MessageFormat}
     * pattern in this object's locale. A missing key is a bug the bundle test catches; if one
     * slips through, the key itself is shown (and logged) rather than failing the screen.
     */
    public String get(String key, Object... args) {
        String value;
        try {
            value = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.error("Missing text for key '{}' in {}", key, BUNDLE);
            return "\u2039" + key + "\u203a";
        }
        if (args == null || args.length == 0) {
            return value;
        }
        return new MessageFormat(value, locale).format(args);
    }

    /** The bundle itself, for {@code FXMLLoader} ({@code %key} in FXML). */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }
}
