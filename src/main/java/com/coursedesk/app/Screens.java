package com.coursedesk.app;

import com.coursedesk.ui.account.AccountScreen;
import com.coursedesk.ui.purchases.PurchasesScreen;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.Screen;
import com.coursedesk.ui.subscriptions.SubscriptionsScreen;
import com.coursedesk.ui.upcoming.UpcomingScreen;
import javafx.scene.Parent;

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
}
