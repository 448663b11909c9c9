package com.coursedesk.ui.subscriptions;

import com.coursedesk.service.subscriptions.OutboxSubscriptionsService;
import com.coursedesk.service.subscriptions.SubscriptionsService;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.paperwork.Paperwork;
import com.coursedesk.ui.shell.AccountContext;
import javafx.scene.Parent;

/** Builds the Manage subscriptions page of a signed-in account. */
public final class SubscriptionsScreen {

    private SubscriptionsScreen() {
    }

    /**
     * The page, loaded and reading its cards; it reloads whenever {@code ctx.changes()} fires
     * (after each sync pass and each action), and fires it itself when it queues an action.
     */
    public static Parent create(AccountContext ctx) {
        SubscriptionsService service = new OutboxSubscriptionsService(ctx.session().store(), ctx.session().actions(),
                new SettingsRestartReminders(ctx.settings()));
        SubscriptionsViewModel viewModel = new SubscriptionsViewModel(service, ctx.messages(), ctx.formats(),
                ctx.tasks(), ctx.clock(), ctx.changes()::fire);
        SubscriptionsView view = new SubscriptionsView(viewModel, ctx.messages(), Paperwork.viewModel(ctx));
        Parent root = new ViewLoader(ctx.messages(), type -> view).load(SubscriptionsView.class).root();
        ctx.changes().subscribe(viewModel::reload);
        viewModel.reload();
        return root;
    }
}
