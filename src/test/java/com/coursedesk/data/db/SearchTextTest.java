package com.coursedesk.data.db;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    @Test
    void everyCharacterThatFoldsOnItsOwnFoldsAsTheRuleFoldsIt() {
        int simple = 0;
        for (int c = 0x80; c <= 0xFFFF; c++) {
            String folded = SearchText.simpleFold((char) c);
            if (folded != null) {
                simple++;
                assertThat(folded).as("U+%04X", c).isEqualTo(SearchText.foldInFull(String.valueOf((char) c)));
            }
        }
        // Accented Latin, full-width forms, Cyrillic, CJK ideographs, kana...
        assertThat(simple).isGreaterThan(25_000);
        assertThat(SearchText.simpleFold('é')).isEqualTo("e");
        assertThat(SearchText.simpleFold('Ａ')).isEqualTo("a");
        assertThat(SearchText.simpleFold('機')).isEqualTo("機");
        // Greek (final sigma), combining marks that stay, voiced kana, Hangul: the whole rule.
        for (char c : new char[] {'Σ', 'σ', '\u3099', 'ガ', '한', '\u0CC2', '\uD800'}) {
            assertThat(SearchText.simpleFold(c)).as("U+%04X", (int) c).isNull();
        }
    }

    @Test
    void textOfCharactersThatFoldOnTheirOwnFoldsAsTheRuleFoldsIt() {
        List<Character> pool = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (c < 0x80 || SearchText.simpleFold((char) c) != null) {
                pool.add((char) c);
            }
        }
        // Characters next to which the order of marks, composition or case could matter.
        String tricky = "aAiIsSzZ \n-ßİıéÉ\u0301\u0327\u20DDǅǈﬁＡａ・ーカキ\u3000ŉƷЙй機學Ωσ";
        Random random = new Random(3);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? tricky.charAt(random.nextInt(tricky.length()))
                        : pool.get(random.nextInt(pool.size())));
            }
            String t = text.toString();
            assertThat(SearchText.fold(t)).as("%s", t.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList())
                    .isEqualTo(SearchText.foldInFull(t));
        }
    }

    @Test
    void aPurchasesDocumentFoldsEachFieldOnALineOfItsOwn() {
        assertThat(SearchText.document("Cálculo 12", "Partner 7", "R-2026-000123"))
                .isEqualTo("calculo 12\npartner 7\nr-2026-000123");
        assertThat(SearchText.document("機械学習 3", "東京大学", "R-1")).isEqualTo("機械学習 3\n東京大学\nr-1");
        assertThat(SearchText.document("ΟΔΥΣΣΕΥΣ", "", null)).isEqualTo(SearchText.fold("ΟΔΥΣΣΕΥΣ"));
        assertThat(SearchText.document(new String[] {"Écologie", null, "X"})).isEqualTo("ecologie\nx");
    }
}
