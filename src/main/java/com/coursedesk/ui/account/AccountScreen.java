package com.coursedesk.ui.account;

import com.coursedesk.service.account.AccountOverviewService;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.paperwork.Paperwork;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.DataChanges;
import javafx.scene.Parent;

/**
 * Builds the Account page of an open account: profile, where the data and sign-in are kept,
 * the action history, theme, language and sign-out. It reloads after each sync and action
 * while it is on screen.
 */
public final class AccountScreen {

    private AccountScreen() {
    }

    public static Parent create(AccountContext ctx) {
        AccountViewModel viewModel = new AccountViewModel(new AccountOverviewService(ctx.session()), ctx.messages(),
                ctx.formats(), ctx.tasks(), ctx.themes(), ctx.settings(), ctx.signOut());
        AccountView view = new AccountView(viewModel, ctx.messages(), Paperwork.viewModel(ctx));
        Parent root = new ViewLoader(ctx.messages(), type -> view).load(AccountView.class).root();
        new ChangeSubscription(ctx.changes(), viewModel).follow(root);
        viewModel.load();
        return root;
    }

    /**
     * Listens to data changes only while the page is in a scene, so a page the shell has
     * dropped is not kept alive (nor reloaded) by the listener; coming back, it catches up.
     */
    private static final class ChangeSubscription {

        private final DataChanges changes;
        private final Runnable reload;
        private boolean subscribed;

        ChangeSubscription(DataChanges changes, AccountViewModel viewModel) {
            this.changes = changes;
            this.reload = viewModel::dataChanged;
        }

        void follow(Parent root) {
            subscribe();
            root.sceneProperty().addListener((obs, old, scene) -> {
                if (scene == null) {
                    changes.unsubscribe(reload);
                    subscribed = false;
                } else if (!subscribed) {
                    subscribe();
                    reload.run();
                }
            });
        }

        private void subscribe() {
            changes.subscribe(reload);
            subscribed = true;
        }
    }
}
