package com.coursedesk.ui.upcoming;

import com.coursedesk.service.upcoming.StoreUpcomingService;
import com.coursedesk.service.upcoming.UpcomingService;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.paperwork.Paperwork;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.subscriptions.SettingsRestartReminders;
import javafx.scene.Parent;

/** Builds the Upcoming page of a signed-in account. */
public final class UpcomingScreen {

    private UpcomingScreen() {
    }

    /** The page, loaded and reading its events; it reloads whenever {@code ctx.changes()} fires. */
    public static Parent create(AccountContext ctx) {
        UpcomingService service = new StoreUpcomingService(ctx.session().store(),
                new SettingsRestartReminders(ctx.settings()));
        UpcomingViewModel viewModel = new UpcomingViewModel(service, ctx.settings(), ctx.messages(), ctx.formats(),
                ctx.tasks(), ctx.clock());
        // The calendar's reminders follow the lead time on this page, even before it is saved.
        UpcomingView view = new UpcomingView(viewModel, ctx.messages(),
                Paperwork.viewModel(ctx, () -> viewModel.leadDaysProperty().get()));
        Parent root = new ViewLoader(ctx.messages(), type -> view).load(UpcomingView.class).root();
        ctx.changes().subscribe(viewModel::reload);
        viewModel.reload();
        return root;
    }
}
