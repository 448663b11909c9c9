package com.coursedesk.ui.purchases;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.service.purchases.PurchaseCsvExporter;
import com.coursedesk.service.purchases.PurchaseFixtures;
import com.coursedesk.service.purchases.PurchaseHistoryService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.paperwork.PaperworkTestViews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Builds the purchase history's view for tests that only load its FXML ({@code FxmlLoadTest}). */
public final class PurchasesTestViews {

    private PurchasesTestViews() {
    }

    /**
     * A view over a view-model whose store is already closed: loading the FXML reads nothing,
     * and a stray read would fail loudly instead of touching a real account.
     */
    public static PurchasesView forFxmlLoadTest(Messages messages) {
        ZoneId zone = ZoneId.of("Europe/London");
        Path dir;
        try {
            dir = Files.createTempDirectory("coursedesk-fxml-purchases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // FXML loads on the FX thread, where the store refuses to work: it is opened on another.
        LocalStore store = CompletableFuture.supplyAsync(() -> {
            LocalStore opened = LocalStore.open(dir.resolve("store.db"));
            opened.close();
            return opened;
        }).join();
        deleteQuietly(dir);
        PurchasesViewModel viewModel = new PurchasesViewModel(
                new PurchaseHistoryService(store, PurchaseFixtures.actions(store,
                        PurchaseFixtures.clockAt(PurchaseFixtures.NOW), () -> { }), zone),
                new PurchaseCsvExporter(zone), messages, new Formats(messages.locale(), zone, messages),
                new ImmediateTaskRunner(), PurchaseFixtures.clockAt(PurchaseFixtures.NOW), () -> { });
        return new PurchasesView(viewModel, PaperworkTestViews.viewModel(messages));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only a temporary folder of a test: the system cleans it up.
        }
    }
}
