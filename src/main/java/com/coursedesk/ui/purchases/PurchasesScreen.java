package com.coursedesk.ui.purchases;

import com.coursedesk.service.purchases.PurchaseCsvExporter;
import com.coursedesk.service.purchases.PurchaseHistoryService;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.paperwork.Paperwork;
import com.coursedesk.ui.shell.AccountContext;
import javafx.scene.Parent;

import java.util.function.Supplier;

/**
 * The Purchases page of a signed-in account: builds its view-model and view, loads it, and
 * reloads it whenever the account's data changes (a sync pass, an action) while it is on screen.
 */
public final class PurchasesScreen {

    private PurchasesScreen() {
    }

    public static Parent create(AccountContext ctx) {
        return build(ctx).root();
    }

    /**
     * Starts reading the history now and returns what builds the page. The window calls this
     * before it builds its frame when Purchases is the first page: reading the history is the
     * longest part of showing it, and so runs while the frame and the page are built rather
     * than after.
     */
    public static Supplier<Parent> prepare(AccountContext ctx) {
        PurchasesViewModel viewModel = viewModel(ctx);
        viewModel.reload();
        return () -> view(ctx, viewModel);
    }

    /** The page and its view-model (for tests that drive the view-model directly). */
    static Built build(AccountContext ctx) {
        PurchasesViewModel viewModel = viewModel(ctx);
        Parent root = view(ctx, viewModel);
        viewModel.reload();
        return new Built(root, viewModel);
    }

    private static PurchasesViewModel viewModel(AccountContext ctx) {
        PurchaseHistoryService history = new PurchaseHistoryService(ctx.session().store(), ctx.session().actions(),
                ctx.formats().zone());
        return new PurchasesViewModel(history, new PurchaseCsvExporter(ctx.formats().zone()),
                ctx.messages(), ctx.formats(), ctx.tasks(), ctx.clock(), ctx.changes()::fire);
    }

    private static Parent view(AccountContext ctx, PurchasesViewModel viewModel) {
        PurchasesView view = new PurchasesView(viewModel, Paperwork.viewModel(ctx));
        Parent root = new ViewLoader(ctx.messages(), type -> view).load(PurchasesView.class).root();
        Runnable reload = viewModel::reload;
        ctx.changes().subscribe(reload);
        // Off screen (another page, or signed out) it stops listening; back on screen it catches up.
        boolean[] shownBefore = {false};
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                ctx.changes().unsubscribe(reload);
            } else if (old == null) {
                if (shownBefore[0]) {
                    ctx.changes().subscribe(reload);
                    viewModel.reload();
                }
                shownBefore[0] = true;
            }
        });
        return root;
    }

    record Built(Parent root, PurchasesViewModel viewModel) {
    }
}
