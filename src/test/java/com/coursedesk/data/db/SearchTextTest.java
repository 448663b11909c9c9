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

    @Test
    void asciiTextFoldsAsTheFullRuleWouldFoldIt() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        String ascii = every.toString();
        String fullRule = java.text.Normalizer.normalize(java.text.Normalizer.normalize(ascii,
                java.text.Normalizer.Form.NFKD), java.text.Normalizer.Form.NFKC)
                .toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
        assertThat(SearchText.fold(ascii)).isEqualTo(fullRule);
        assertThat(SearchText.fold("R-2026-000123 Python 3 for DATA")).isEqualTo("r-2026-000123 python 3 for data");
    }
}
