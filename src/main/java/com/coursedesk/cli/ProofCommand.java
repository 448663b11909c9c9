package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.service.paperwork.ProofPdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code proof ACTION_ID [--output FILE.pdf]}: one page of proof for an action of the history
 * (see {@code coursedesk history}): what was asked and when, its idempotency key, the
 * provider's answer and server time, and the resulting state.
 */
final class ProofCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("proof", Set.of("data-dir", "account", "server",
            "output"), 1, 1, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        String idText = args.words().get(0).trim();
        if (!idText.matches("\\d{1,18}")) {
            throw CliException.usage(context.messages().get("cli.proof.noAction", idText), null);
        }
        long id = Long.parseLong(idText);
        try (PaperworkAccess access = PaperworkAccess.open(context, args)) {
            ActionRecord action = access.store().read(c -> new ActionDao().findById(c, id))
                    .orElseThrow(() -> CliException.usage(context.messages().get("cli.proof.noAction", idText), null));
            Path file = PaperworkAccess.output(context, args, "proof", ProofPdf.fileName(action));
            try {
                access.paperwork().saveProof(id, file);
            } catch (NoSuchElementException e) {
                throw CliException.usage(context.messages().get("cli.proof.noAction", idText), null);
            } catch (IOException e) {
                throw PaperworkAccess.writeFailed(context, file, e);
            }
            context.out().println(context.messages().get("cli.proof.done", idText, ActionOutcome.kind(context, action),
                    action.targetId(), ActionOutcome.state(context, action.state()), file));
        }
        return ExitCode.OK;
    }
}
