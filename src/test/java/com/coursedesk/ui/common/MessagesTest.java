package com.coursedesk.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ListResourceBundle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static Messages withTexts(Locale locale, Object[][] texts) {
        return new Messages(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return texts;
            }
        }, locale);
    }

    @Test
    void withoutArgumentsTheValueIsReturnedAsWritten() {
        Messages messages = withTexts(Locale.ENGLISH, new Object[][] {{"a.plain", "Don't {panic}"}});
        assertThat(messages.get("a.plain")).isEqualTo("Don't {panic}");
    }

    @Test
    void argumentsAreFormattedInTheLearnersLocale() {
        Object[][] texts = {{"a.count", "{0,number,integer} items, ''{1}''"}};
        assertThat(withTexts(Locale.UK, texts).get("a.count", 12345, "x")).isEqualTo("12,345 items, 'x'");
        assertThat(withTexts(Locale.GERMANY, texts).get("a.count", 12345, "x")).isEqualTo("12.345 items, 'x'");
    }

    @Test
    void aMissingKeyShowsTheKeyInsteadOfFailingTheScreen() {
        Messages messages = withTexts(Locale.ENGLISH, new Object[][] {});
        assertThat(messages.get("no.such.key")).isEqualTo("\u2039no.such.key\u203a");
    }

    @Test
    void shippedLanguagesKeepTheLearnersRegion() {
        assertThat(Messages.resolveLocale(new Locale("en", "GB"))).isEqualTo(new Locale("en", "GB"));
        assertThat(Messages.resolveLocale(new Locale("es", "MX"))).isEqualTo(new Locale("es", "MX"));
    }

    @Test
    void otherLanguagesGetEnglishWordsInTheirRegionsFormats() {
        assertThat(Messages.resolveLocale(Locale.GERMANY)).isEqualTo(new Locale("en", "DE"));
        assertThat(Messages.resolveLocale(Locale.JAPANESE)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void loadNeverFallsBackToTheMachinesDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("es", "ES"));
            Messages german = Messages.load(Locale.GERMANY);
            assertThat(german.get("about.version.development")).isEqualTo("Development build");
            assertThat(german.locale()).isEqualTo(new Locale("en", "DE"));
            assertThat(Messages.load(new Locale("es", "AR")).get("about.version.development"))
                    .isEqualTo("Versión de desarrollo");
        } finally {
            Locale.setDefault(before);
        }
    }
}
