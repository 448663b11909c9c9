package com.coursedesk.ui.paperwork;

import com.coursedesk.service.paperwork.PaperworkService;
import com.coursedesk.service.paperwork.PaperworkTexts;
import com.coursedesk.service.upcoming.StoreUpcomingService;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.subscriptions.SettingsRestartReminders;

import java.util.function.IntSupplier;

/** Builds a screen's paperwork over the signed-in account, in the learner's language and zone. */
public final class Paperwork {

    private Paperwork() {
    }

    public static PaperworkViewModel viewModel(AccountContext ctx) {
        return viewModel(ctx, ctx.settings()::reminderDays);
    }

    /** @param reminderDays the calendar's reminder lead time, read when the file is made */
    public static PaperworkViewModel viewModel(AccountContext ctx, IntSupplier reminderDays) {
        PaperworkService service = new PaperworkService(ctx.session().store(), ctx.session().account(),
                PaperworkTexts.load(ctx.messages().locale()), ctx.formats().zone(), ctx.clock());
        StoreUpcomingService upcoming = new StoreUpcomingService(ctx.session().store(),
                new SettingsRestartReminders(ctx.settings()));
        return new PaperworkViewModel(service, upcoming, reminderDays, ctx.messages(),
                ctx.formats(), ctx.tasks());
    }
}
