package com.coursedesk.ui.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.service.paperwork.PaperworkService;
import com.coursedesk.service.paperwork.PriceHistory;
import com.coursedesk.service.paperwork.PricePoint;
import com.coursedesk.service.paperwork.ReceiptPdf;
import com.coursedesk.service.paperwork.TaxYear;
import com.coursedesk.service.paperwork.TaxYearSummary;
import com.coursedesk.service.upcoming.UpcomingService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The paperwork a screen offers (a receipt, the tax-year ZIP, the calendar file, a proof, a
 * price history): each made in the background from the local copy, with one line saying what
 * happened. The views choose the files; this writes them.
 */
public final class PaperworkViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PaperworkViewModel.class);

    private final PaperworkService paperwork;
    private final UpcomingService upcoming;
    private final IntSupplier reminderDays;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper messageStyle = new ReadOnlyStringWrapper(this, "messageStyle", "");
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private TaskRunner.Handle export;

    /**
     * @param upcoming     the coming events, for the calendar file
     * @param reminderDays the learner's reminder lead time, read when the calendar is made
     */
    public PaperworkViewModel(PaperworkService paperwork, UpcomingService upcoming, IntSupplier reminderDays,
                              Messages messages, Formats formats, TaskRunner tasks) {
        this.paperwork = Objects.requireNonNull(paperwork, "paperwork");
        this.upcoming = Objects.requireNonNull(upcoming, "upcoming");
        this.reminderDays = Objects.requireNonNull(reminderDays, "reminderDays");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** The texts, for the views' dialogs. */
    public Messages messages() {
        return messages;
    }

    // ----- receipts -----

    public String receiptFileName(Purchase purchase) {
        return ReceiptPdf.fileName(purchase);
    }

    public void saveReceipt(String purchaseId, Path file) {
        start("save-receipt", () -> paperwork.saveReceipt(purchaseId, file),
                purchase -> done(messages.get("paperwork.ui.receipt.done", purchase.receiptNumber(), file)), file);
    }

    // ----- the tax year -----

    /** Reads the years that have purchases (newest first) into {@link #years()}. */
    public void loadYears() {
        tasks.task(paperwork::purchaseYears)
                .name("purchase-years")
                .onSuccess(years::setAll)
                .onFailure(error -> failed(null, error))
                .start();
    }

    /** The calendar years (in the learner's zone) that have purchases, newest first. */
    public ObservableList<Integer> years() {
        return years;
    }

    public ZoneId zone() {
        return paperwork.zone();
    }

    public String taxYearFileName(TaxYear year) {
        return messages.get("paperwork.ui.taxYear.fileName", year.label());
    }

    /** "From 1 April 2025 to 31 March 2026, days counted in Central European Time." */
    public String taxYearRange(TaxYear year) {
        // The name alone: read on the learner's own screen, where no one needs the zone's id.
        return messages.get("paperwork.ui.taxYear.range", formats.longDate(year.firstDay()),
                formats.longDate(year.lastDay()), formats.zoneName());
    }

    public void exportTaxYear(TaxYear year, Path file) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        exporting.set(true);
        showProgress(0, 0);
        export = tasks.<TaxYearSummary>taskWithProgress(progress -> paperwork.exportTaxYear(year, file,
                        (done, total) -> progress.update(done, total)))
                .name("tax-year-export")
                .onProgress(this::showProgress)
                .onSuccess(summary -> done(messages.get("paperwork.ui.taxYear.done", summary.purchases(),
                        year.label(), file)))
                .onFailure(error -> failed(file, error))
                .onDone(() -> {
                    busy.set(false);
                    exporting.set(false);
                })
                .start();
    }

    /** Stops a running tax-year export; nothing is left of its file. */
    public void cancelExport() {
        if (export != null && export.cancel()) {
            busy.set(false);
            exporting.set(false);
            message.set(messages.get("paperwork.ui.taxYear.cancelled"));
            messageStyle.set("muted");
        }
    }

    private void showProgress(long done, long total) {
        message.set(total <= 0 ? messages.get("paperwork.ui.working")
                : messages.get("paperwork.ui.taxYear.progress", done, total));
        messageStyle.set("muted");
    }

    // ----- the calendar -----

    public String calendarFileName() {
        return messages.get("paperwork.ui.calendar.fileName");
    }

    public void saveCalendar(Path file) {
        int days = reminderDays.getAsInt();
        start("save-calendar", () -> paperwork.saveCalendar(upcoming, days, file),
                count -> done(messages.get("paperwork.ui.calendar.done", count, file, days)), file);
    }

    // ----- proofs -----

    /** The proof's suggested file name. */
    public String proofFileName(long actionId) {
        return "coursedesk-action-" + actionId + ".pdf";
    }

    public void saveProof(long actionId, Path file) {
        start("save-proof", () -> paperwork.saveProof(actionId, file),
                action -> done(messages.get("paperwork.ui.proof.done", String.valueOf(action.id()), file)), file);
    }

    // ----- price history -----

    /** Reads the price history of {@code subscriptionId} and hands it to {@code show} on the UI thread. */
    public void loadPriceHistory(String subscriptionId, Consumer<PriceHistoryModel> show) {
        tasks.task(() -> paperwork.priceHistory(subscriptionId))
                .name("price-history")
                .onSuccess(history -> show.accept(model(history)))
                .onFailure(error -> {
                    // The failure's English is for the log; the learner reads what to do.
                    LOG.warn("Could not read the price history of {}: {}", subscriptionId, String.valueOf(error));
                    message.set(messages.get("paperwork.ui.priceHistory.loadFailed"));
                    messageStyle.set("status-danger");
                })
                .start();
    }

    PriceHistoryModel model(PriceHistory history) {
        List<PriceHistoryModel.Row> rows = new ArrayList<>();
        Map<String, List<PriceHistoryModel.Point>> byCurrency = new LinkedHashMap<>();
        for (PricePoint p : history.points()) {
            String date = formats.date(p.paidAt());
            String change = switch (p.change()) {
                case FIRST -> messages.get("paperwork.ui.priceHistory.first");
                case SAME -> messages.get("paperwork.ui.priceHistory.same");
                case INCREASE -> messages.get("paperwork.ui.priceHistory.up", formats.money(p.previous()),
                        formats.money(difference(p.paid(), p.previous())));
                case DECREASE -> messages.get("paperwork.ui.priceHistory.down", formats.money(p.previous()),
                        formats.money(difference(p.previous(), p.paid())));
                case CURRENCY -> messages.get("paperwork.ui.priceHistory.currency",
                        p.paid().currency().getCurrencyCode(), p.previous().currency().getCurrencyCode());
            };
            if (p.refunded()) {
                change = messages.get("paperwork.ui.priceHistory.refunded", change);
            }
            rows.add(new PriceHistoryModel.Row(date, formats.money(p.paid()), change, p.changed(), p.refunded()));
            byCurrency.computeIfAbsent(p.paid().currency().getCurrencyCode(), c -> new ArrayList<>())
                    .add(new PriceHistoryModel.Point(date, p.paid().toDecimal().doubleValue()));
        }
        List<PriceHistoryModel.Series> series = new ArrayList<>();
        byCurrency.forEach((code, points) -> series.add(new PriceHistoryModel.Series(
                messages.get("paperwork.ui.priceHistory.axis", code), points)));
        String summary = rows.isEmpty() ? messages.get("paperwork.ui.priceHistory.empty")
                : messages.get("paperwork.ui.priceHistory.summary", rows.size(), history.changes());
        return new PriceHistoryModel(messages.get("paperwork.ui.priceHistory.title", history.title()), summary, rows,
                series);
    }

    private static Money difference(Money larger, Money smaller) {
        return new Money(larger.amountMinor() - smaller.amountMinor(), larger.currency());
    }

    // ----- running and reporting -----

    private <T> void start(String name, Callable<T> work, Consumer<T> onSuccess, Path file) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(messages.get("paperwork.ui.working"));
        messageStyle.set("muted");
        tasks.task(work)
                .name(name)
                .onSuccess(onSuccess)
                .onFailure(error -> failed(file, error))
                .onDone(() -> busy.set(false))
                .start();
    }

    private void done(String text) {
        message.set(text);
        messageStyle.set("status-ok");
    }

    private void failed(Path file, Throwable error) {
        if (error instanceof InterruptedIOException) {
            message.set(messages.get("paperwork.ui.taxYear.cancelled"));
            messageStyle.set("muted");
            return;
        }
        LOG.warn("Paperwork for {} failed", file, error);
        String why = error instanceof NoSuchElementException ? messages.get("paperwork.ui.notInCopy")
                : String.valueOf(error.getMessage());
        message.set(file == null ? messages.get("paperwork.ui.readFailed", why)
                : messages.get("paperwork.ui.failed", file.getFileName(), why));
        messageStyle.set("status-danger");
    }

    // ----- properties -----

    /** Something is being written: the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A tax-year export runs (it can be cancelled). */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** What happened last: "Receipt R-… saved to …", progress, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The app.css class of {@link #messageProperty()}. */
    public ReadOnlyStringProperty messageStyleProperty() {
        return messageStyle.getReadOnlyProperty();
    }
}
