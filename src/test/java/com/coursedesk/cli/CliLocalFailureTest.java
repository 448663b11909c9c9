package com.coursedesk.cli;

import com.coursedesk.data.db.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that fails on this computer (its local copy, or something unforeseen) says what
 * happened and what to do in the learner's language, with the folders to look in; the
 * exception's English goes to the log only.
 */
class CliLocalFailureTest {

    static final Locale SPANISH = new Locale("es", "ES");

    @TempDir
    Path dataDir;

    @Test
    void aLocalCopyThatCannotBeReadOrWrittenIsSaidWithTheFolders() {
        CliRunner cli = new CliRunner(dataDir).core(dirs -> {
            throw new StoreException("SQLITE_FULL: database or disk is full (store.db)");
        });
        Path logDir = cli.directories().logDir();

        try (LogCapture log = new LogCapture()) {
            CliRunner.Result spanish = new CliRunner(dataDir).locale(SPANISH).core(dirs -> {
                throw new StoreException("SQLITE_FULL: database or disk is full (store.db)");
            }).run("status");

            assertThat(spanish.code()).isEqualTo(ExitCode.ERROR);
            // It read "No se pudo leer o escribir la copia local: SQLITE_FULL: database or disk is full (store.db)"
            assertThat(spanish.err()).contains("No se pudo leer o escribir la copia local, así que la orden no ha "
                    + "terminado. Comprueba que el disco no esté lleno y que se pueda escribir en la carpeta de datos "
                    + dataDir + ", y vuelve a intentarlo; si sigue ocurriendo, el registro en " + logDir
                    + " tiene los detalles.").doesNotContain("SQLITE", "database", "disk is full");
            assertThat(log.text()).contains("SQLITE_FULL: database or disk is full");
        }
        CliRunner.Result english = cli.run("status");
        assertThat(english.err()).contains("The local copy could not be read or written, so the command did not "
                + "finish. Check that the disk is not full and that the data folder " + dataDir + " can be written, "
                + "then try again; if it keeps happening, the log in " + logDir + " has the details.")
                .doesNotContain("SQLITE");
    }

    @Test
    void anUnforeseenFailureSaysWhatToDoAndWhereTheLogIs() {
        Path logDir = new CliRunner(dataDir).directories().logDir();

        try (LogCapture log = new LogCapture()) {
            CliRunner.Result spanish = new CliRunner(dataDir).locale(SPANISH).core(dirs -> {
                throw new IllegalStateException("Unexpected end of stream in the accounts list");
            }).run("status");

            assertThat(spanish.code()).isEqualTo(ExitCode.ERROR);
            // It read "Algo ha fallado: java.lang.IllegalStateException: Unexpected end of stream…. El registro…"
            assertThat(spanish.err()).contains("Algo ha fallado, así que la orden no ha terminado. Vuelve a "
                    + "intentarlo; si sigue ocurriendo, el registro en " + logDir + " tiene los detalles.")
                    .doesNotContain("IllegalStateException", "Unexpected", "stream");
            assertThat(log.text()).contains("Unexpected end of stream in the accounts list");
        }
        CliRunner.Result english = new CliRunner(dataDir).core(dirs -> {
            throw new IllegalStateException("Unexpected end of stream in the accounts list");
        }).run("status");
        assertThat(english.err()).contains("Something went wrong, so the command did not finish. Try again; if it "
                + "keeps happening, the log in " + logDir + " has the details.").doesNotContain("Unexpected");
    }
}
