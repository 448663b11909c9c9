package com.coursedesk.service.paperwork;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider a document names: the demo by its name in the learner's language, a provider by its host. */
class LearnerTest {

    @Test
    void theDemoIsNamedAndAProviderIsItsHost() {
        KnownAccount demo = new KnownAccount("acc_1", "ada@example.com", "Ada Lovelace", ServerRef.DEMO, null);
        KnownAccount provider = new KnownAccount("acc_2", "ada@example.com", "Ada Lovelace",
                ServerRef.ofUrl("https://billing.example.com/api/"), null);

        assertThat(Learner.of(demo, PaperworkTexts.load(Locale.UK)).provider()).isEqualTo("Demo (built-in sandbox)");
        assertThat(Learner.of(demo, PaperworkTexts.load(new Locale("es"))).provider())
                .isEqualTo("Demostración (servidor de pruebas integrado)");
        Learner learner = Learner.of(provider, PaperworkTexts.load(Locale.UK));
        assertThat(learner.provider()).isEqualTo("billing.example.com");
        assertThat(learner.name()).isEqualTo("Ada Lovelace");
        assertThat(learner.accountId()).isEqualTo("acc_2");
    }
}
