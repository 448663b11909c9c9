package com.coursedesk.data.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void foldsAccentsCaseAndCompatibilityForms() {
        assertThat(SearchText.fold("Aprendizaje Automático")).isEqualTo("aprendizaje automatico");
        assertThat(SearchText.fold("ÉCOLE Polytechnique Fédérale")).isEqualTo("ecole polytechnique federale");
        assertThat(SearchText.fold("Straße")).isEqualTo("strasse");
        assertThat(SearchText.fold("İstanbul Üniversitesi")).isEqualTo("istanbul universitesi");
        assertThat(SearchText.fold("ΟΔΥΣΣΕΥΣ")).isEqualTo(SearchText.fold("οδυσσευς"));
        assertThat(SearchText.fold("Ｅｘｃｅｌ ﬁnance")).isEqualTo("excel finance");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void keepsKanaVoicingMarks() {
        assertThat(SearchText.fold("ガイド")).isEqualTo("ガイド");
        assertThat(SearchText.fold("ｶﾞｲﾄﾞ")).isEqualTo("ガイド");
    }

    @Test
    void splitsAQueryIntoDistinctFoldedTerms() {
        assertThat(SearchText.terms("  Machine\tLEARNING  machine ")).containsExactly("machine", "learning");
        assertThat(SearchText.terms("   ")).isEmpty();
    }
}
