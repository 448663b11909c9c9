package com.coursedesk.app;

import com.coursedesk.ui.account.AccountScreen;
import com.coursedesk.ui.purchases.PurchasesScreen;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.Screen;
import com.coursedesk.ui.subscriptions.SubscriptionsScreen;
import com.coursedesk.ui.upcoming.UpcomingScreen;
import javafx.scene.Parent;

import java.util.function.Supplier;

/** Which feature builds each page of the signed-in window. */
final class Screens {

    private Screens() {
    }

    static Parent create(Screen screen, AccountContext context) {
        return switch (screen) {
            case PURCHASES -> PurchasesScreen.create(context);
            case SUBSCRIPTIONS -> SubscriptionsScreen.create(context);
            case UPCOMING -> UpcomingScreen.create(context);
            case ACCOUNT -> AccountScreen.create(context);
        };
    }

    /**
     * For the page shown first: starts what it reads at once (where the page can) and returns
     * what builds it, so that the reading overlaps building the window's frame.
     */
    static Supplier<Parent> prepare(Screen screen, AccountContext context) {
        return switch (screen) {
            case PURCHASES -> PurchasesScreen.prepare(context);
            case SUBSCRIPTIONS, UPCOMING, ACCOUNT -> () -> create(screen, context);
        };
    }
}
