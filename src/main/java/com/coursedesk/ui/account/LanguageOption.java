package com.coursedesk.ui.account;

import java.util.Locale;

/**
 * A language the learner can choose on the Account page.
 *
 * @param locale the language, or null to follow the system
 * @param label  its name as shown in the list
 */
public record LanguageOption(Locale locale, String label) {

    /** What a combo box shows. */
    @Override
    public String toString() {
        return label;
    }
}
