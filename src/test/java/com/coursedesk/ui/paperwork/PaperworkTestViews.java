package com.coursedesk.ui.paperwork;

import com.coursedesk.data.db.SqlWork;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.service.paperwork.PaperworkService;
import com.coursedesk.service.paperwork.PaperworkTexts;
import com.coursedesk.service.paperwork.StoreReader;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The paperwork of screens built only to load their FXML: any read of a store fails loudly. */
public final class PaperworkTestViews {

    public static final KnownAccount ADA = new KnownAccount("acc_test", "ada@example.com", "Ada Lovelace",
            ServerRef.DEMO, null);

    private PaperworkTestViews() {
    }

    public static PaperworkViewModel viewModel(Messages messages) {
        return viewModel(messages, ZoneId.of("Europe/London"));
    }

    /** The view-model of a learner in {@code zone}. */
    public static PaperworkViewModel viewModel(Messages messages, ZoneId zone) {
        StoreReader nowhere = new StoreReader() {
            @Override
            public <T> T read(SqlWork<T> work) {
                throw new IllegalStateException("no store in a load test");
            }
        };
        PaperworkService service = new PaperworkService(nowhere, ADA, PaperworkTexts.load(messages.locale()), zone,
                Clock.systemUTC());
        return new PaperworkViewModel(service, (now, z) -> List.of(), () -> 3, messages,
                new Formats(messages.locale(), zone, messages), new ImmediateTaskRunner());
    }
}
