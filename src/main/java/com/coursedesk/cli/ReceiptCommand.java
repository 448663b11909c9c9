package com.coursedesk.cli;

import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.domain.Purchase;
import com.coursedesk.service.paperwork.ReceiptPdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code receipt PURCHASE_ID [--output FILE.pdf]}: the purchase's PDF receipt, made offline
 * from the local copy, in the learner's language and time zone.
 */
final class ReceiptCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("receipt", Set.of("data-dir", "account", "server",
            "output"), 1, 1, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        String purchaseId = args.words().get(0);
        try (PaperworkAccess access = PaperworkAccess.open(context, args)) {
            Purchase purchase = access.store().read(c -> new PurchaseDao()
                    .findById(c, purchaseId)).map(StoredPurchase::purchase)
                    .orElseThrow(() -> CliException.usage(context.messages().get("cli.action.noPurchase", purchaseId),
                            null));
            Path file = PaperworkAccess.output(context, args, "receipt", ReceiptPdf.fileName(purchase));
            try {
                access.paperwork().saveReceipt(purchaseId, file);
            } catch (NoSuchElementException e) {
                throw CliException.usage(context.messages().get("cli.action.noPurchase", purchaseId), null);
            } catch (IOException e) {
                throw PaperworkAccess.writeFailed(context, file, e);
            }
            context.out().println(context.messages().get("cli.receipt.done", purchase.receiptNumber(),
                    purchase.product().title(), context.format().money(purchase.total()), file));
        }
        return ExitCode.OK;
    }
}
