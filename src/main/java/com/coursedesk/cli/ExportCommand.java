package com.coursedesk.cli;

import com.coursedesk.domain.Money;
import com.coursedesk.service.paperwork.CurrencyTotal;
import com.coursedesk.service.paperwork.TaxYear;
import com.coursedesk.service.paperwork.TaxYearSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

/**
 * {@code export --year Y [--start-month M] [--output FILE.zip]}: one ZIP for a tax year (a
 * calendar year, or twelve months from the start month) with a CSV of its purchases, per
 * currency totals and a PDF receipt for each purchase. Days are counted in the learner's zone.
 */
final class ExportCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("export", Set.of("data-dir", "account", "server", "year",
            "start-month", "output"), 0, 0, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        TaxYear year = taxYear(context, args);
        try (PaperworkAccess access = PaperworkAccess.open(context, args)) {
            Path file = PaperworkAccess.output(context, args, "export",
                    "coursedesk-tax-year-" + year.label() + ".zip");
            TaxYearSummary summary;
            try {
                summary = access.paperwork().exportTaxYear(year, file, (done, total) -> { });
            } catch (IOException e) {
                throw PaperworkAccess.writeFailed(context, file, e);
            }
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(context.locale());
            // The name alone, as the app's dialog says it; summary.txt in the ZIP, which travels, adds the id.
            context.out().println(messages.get("cli.export.done", summary.purchases(), year.label(),
                    day.format(year.firstDay()), day.format(year.lastDay()), context.format().zoneName(), file));
            List<Money> paid = summary.totals().stream().filter(t -> t.paidCount() > 0).map(CurrencyTotal::total)
                    .toList();
            List<Money> refunded = summary.totals().stream().filter(t -> t.refundedCount() > 0)
                    .map(CurrencyTotal::refunded).toList();
            context.out().println(paid.isEmpty() ? messages.get("cli.export.nothingPaid")
                    : messages.get("cli.export.paid", context.format().moneySums(paid)));
            if (!refunded.isEmpty()) {
                context.out().println(messages.get("cli.export.refunded", context.format().moneySums(refunded)));
            }
        }
        return ExitCode.OK;
    }

    private static TaxYear taxYear(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        String yearText = args.value("year").map(String::trim)
                .orElseThrow(() -> CliException.usage(messages.get("cli.export.needYear"), "export"));
        if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < 1970) {
            throw CliException.usage(messages.get("cli.error.badYear", yearText), "export");
        }
        int month = 1;
        if (args.value("start-month").isPresent()) {
            String monthText = args.value("start-month").get().trim();
            if (!monthText.matches("\\d{1,2}") || Integer.parseInt(monthText) < 1 || Integer.parseInt(monthText) > 12) {
                throw CliException.usage(messages.get("cli.export.badMonth", monthText), "export");
            }
            month = Integer.parseInt(monthText);
        }
        return TaxYear.starting(Integer.parseInt(yearText), month);
    }
}
