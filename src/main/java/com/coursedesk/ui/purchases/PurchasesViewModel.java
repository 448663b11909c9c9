package com.coursedesk.ui.purchases;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.purchases.PurchaseCsvExporter;
import com.coursedesk.service.purchases.PurchaseEntry;
import com.coursedesk.service.purchases.PurchaseFilter;
import com.coursedesk.service.purchases.PurchaseHistoryService;
import com.coursedesk.service.purchases.PurchaseMatches;
import com.coursedesk.service.purchases.PurchaseTotals;
import com.coursedesk.service.purchases.RefundRequestState;
import com.coursedesk.service.purchases.SpendingChart;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.concurrent.CancellationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The purchase history screen: the whole history, searched and filtered in the local copy,
 * sorted by the table, with per-currency totals and a spending chart of what is shown; the
 * receipt of the selected purchase with its refund position in words; asking for a refund;
 * exporting what is shown to CSV.
 *
 * <p>Every query runs as a background task; a newer query cancels the one still running, so
 * the table never shows an older search's result after a newer one. Use on the UI thread.
 */
public final class PurchasesViewModel {

    /** The provider's limit on a refund reason, in characters. */
    public static final int REASON_MAX = 500;

    private static final Logger LOG = LoggerFactory.getLogger(PurchasesViewModel.class);
    private static final String SEPARATOR = " \u00b7 ";

    private final PurchaseHistoryService history;
    private final PurchaseCsvExporter exporter;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Runnable dataChanged;
    private final PurchaseWords words;
    private final DateTimeFormatter monthLabel;
    private final Map<PurchaseColumn, Comparator<PurchaseRow>> comparators = new EnumMap<>(PurchaseColumn.class);

    // ----- the table -----
    // In the table's order: sorted off the UI thread, so the UI thread only swaps the list.
    private final ObservableList<PurchaseRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper(this, "totalsText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<Tone> statusTone = new ReadOnlyObjectWrapper<>(this, "statusTone", Tone.NEUTRAL);

    // ----- search and filters -----
    private final ObservableList<FilterOption<ProductType>> typeOptions = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<PurchaseStatus>> statusOptions = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<Year>> yearOptions = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<Channel>> channelOptions = FXCollections.observableArrayList();
    private final ObjectProperty<FilterOption<ProductType>> typeFilter = new SimpleObjectProperty<>(this, "typeFilter");
    private final ObjectProperty<FilterOption<PurchaseStatus>> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObjectProperty<FilterOption<Year>> yearFilter = new SimpleObjectProperty<>(this, "yearFilter");
    private final ObjectProperty<FilterOption<Channel>> channelFilter = new SimpleObjectProperty<>(this, "channelFilter");
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper(this, "filtered");
    private String searchText = "";
    private TaskRunner.Handle query;
    private long queryGeneration;
    // The store's purchase generation and the filter of the rows on screen (-1: none yet).
    private long shownGeneration = -1;
    private PurchaseFilter shownFilter;
    private PurchaseFilter runningFilter;
    // The table's sort order (empty: the history's order, newest first).
    private List<ColumnSort> sortOrder = List.of();
    private TaskRunner.Handle sortTask;
    private boolean reloadAfterRunning;
    // The running query's result once computed (written by the query's thread), and the
    // generation shown early from it (showReadyResult).
    private volatile ReadyResult ready;
    private long shownEarly = -1;
    private boolean applyingRows;
    private boolean settingFilters;
    private boolean showingLoadError;

    // ----- the chart -----
    private final ObjectProperty<SpendingChart.Granularity> chartGranularity =
            new SimpleObjectProperty<>(this, "chartGranularity", SpendingChart.Granularity.MONTH);
    private final ObservableList<FilterOption<Currency>> chartCurrencies = FXCollections.observableArrayList();
    private final ObjectProperty<FilterOption<Currency>> chartCurrency = new SimpleObjectProperty<>(this, "chartCurrency");
    private final ObservableList<ChartBar> chartBars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chartAxisLabel = new ReadOnlyStringWrapper(this, "chartAxisLabel", "");
    private final ReadOnlyStringWrapper chartPlaceholder = new ReadOnlyStringWrapper(this, "chartPlaceholder", "");
    private final BooleanProperty chartShown = new SimpleBooleanProperty(this, "chartShown", true);
    private SpendingChart chart = SpendingChart.empty();

    // ----- the detail pane -----
    private final ReadOnlyObjectWrapper<PurchaseRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper detailShown = new ReadOnlyBooleanWrapper(this, "detailShown");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ReadOnlyStringWrapper detailSubtitle = new ReadOnlyStringWrapper(this, "detailSubtitle", "");
    private final ObservableList<DetailField> detailFields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper refundPositionText = new ReadOnlyStringWrapper(this, "refundPositionText", "");
    private final ReadOnlyObjectWrapper<Tone> refundPositionTone =
            new ReadOnlyObjectWrapper<>(this, "refundPositionTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper refundRequestText = new ReadOnlyStringWrapper(this, "refundRequestText", "");
    private final ReadOnlyObjectWrapper<Tone> refundRequestTone =
            new ReadOnlyObjectWrapper<>(this, "refundRequestTone", Tone.NEUTRAL);
    private final ReadOnlyBooleanWrapper canRequestRefund = new ReadOnlyBooleanWrapper(this, "canRequestRefund");
    private final ReadOnlyBooleanWrapper refundBusy = new ReadOnlyBooleanWrapper(this, "refundBusy");
    private final ReadOnlyStringWrapper actionErrorText = new ReadOnlyStringWrapper(this, "actionErrorText", "");
    private PurchaseEntry detailEntry;
    private RefundRequestState latestRequest;
    private TaskRunner.Handle detailTask;

    // ----- export -----
    private final ReadOnlyBooleanWrapper exportBusy = new ReadOnlyBooleanWrapper(this, "exportBusy");

    /**
     * @param dataChanged tells the other screens that the account's data changed (a refund
     *                    request was queued)
     */
    public PurchasesViewModel(PurchaseHistoryService history, PurchaseCsvExporter exporter, Messages messages,
                              Formats formats, TaskRunner tasks, Clock clock, Runnable dataChanged) {
        this.history = Objects.requireNonNull(history, "history");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataChanged = Objects.requireNonNull(dataChanged, "dataChanged");
        this.words = new PurchaseWords(messages);
        this.monthLabel = DateTimeFormatter.ofPattern("MMM yyyy", formats.locale());
        buildFilterOptions();
        typeFilter.addListener((obs, old, value) -> filtersChanged());
        statusFilter.addListener((obs, old, value) -> filtersChanged());
        yearFilter.addListener((obs, old, value) -> filtersChanged());
        channelFilter.addListener((obs, old, value) -> filtersChanged());
        chartGranularity.addListener((obs, old, value) -> updateChartBars());
        chartCurrency.addListener((obs, old, value) -> updateChartBars());
        chartShown.addListener((obs, was, shown) -> updateChartBars());
    }

    private void buildFilterOptions() {
        typeOptions.add(new FilterOption<>(null, messages.get("purchases.filter.allTypes")));
        for (ProductType t : ProductType.values()) {
            typeOptions.add(new FilterOption<>(t, words.type(t)));
        }
        statusOptions.add(new FilterOption<>(null, messages.get("purchases.filter.allStatuses")));
        for (PurchaseStatus s : PurchaseStatus.values()) {
            statusOptions.add(new FilterOption<>(s, words.status(s)));
        }
        yearOptions.add(new FilterOption<>(null, messages.get("purchases.filter.allYears")));
        channelOptions.add(new FilterOption<>(null, messages.get("purchases.filter.allChannels")));
        for (Channel c : Channel.values()) {
            channelOptions.add(new FilterOption<>(c, words.channel(c)));
        }
        typeFilter.set(typeOptions.get(0));
        statusFilter.set(statusOptions.get(0));
        yearFilter.set(yearOptions.get(0));
        channelFilter.set(channelOptions.get(0));
    }

    // =====================================================================================
    // Loading, search and filters
    // =====================================================================================

    /** Reads the history again (after a sync or an action), keeping search, filters and selection. */
    public void reload() {
        if (query != null && !query.isDone() && currentFilter().equals(runningFilter)) {
            // The running query may have read before the change: run once more after it, rather
            // than throw its work away (a start-up asks three times for 100,000 rows).
            reloadAfterRunning = true;
        } else {
            runQuery();
        }
        refreshDetail();
    }

    /** Searches titles, partners and receipt numbers (the view calls this once typing pauses). */
    public void search(String text) {
        String newText = text == null ? "" : text.strip();
        if (newText.equals(searchText)) {
            return;
        }
        searchText = newText;
        runQuery();
    }

    public String searchText() {
        return searchText;
    }

    /** Back to every purchase: no search text, every filter on "All". */
    public void clearFilters() {
        settingFilters = true;
        try {
            typeFilter.set(typeOptions.get(0));
            statusFilter.set(statusOptions.get(0));
            yearFilter.set(yearOptions.get(0));
            channelFilter.set(channelOptions.get(0));
        } finally {
            settingFilters = false;
        }
        searchText = "";
        runQuery();
    }

    private void filtersChanged() {
        if (!settingFilters) {
            runQuery();
        }
    }

    /** The filter the table shows now. */
    public PurchaseFilter currentFilter() {
        return new PurchaseFilter(searchText, valueOf(typeFilter.get()), valueOf(statusFilter.get()),
                valueOf(yearFilter.get()), valueOf(channelFilter.get()));
    }

    private static <T> T valueOf(FilterOption<T> option) {
        return option == null ? null : option.value();
    }

    private void runQuery() {
        if (query != null) {
            // A newer search makes the running one stale: its result must never reach the table.
            query.cancel();
        }
        PurchaseFilter filter = currentFilter();
        long generation = ++queryGeneration;
        runningFilter = filter;
        reloadAfterRunning = false;
        loading.set(true);
        filtered.set(!filter.equals(PurchaseFilter.all()));
        long knownGeneration = shownGeneration;
        PurchaseFilter knownFilter = shownFilter;
        List<ColumnSort> order = sortOrder;
        query = tasks.task(() -> {
                    QueryResult result = load(filter, knownGeneration, knownFilter, order);
                    ready = new ReadyResult(generation, filter, result);
                    return result;
                })
                .name("purchases-query")
                .onSuccess(result -> {
                    if (generation == queryGeneration && shownEarly != generation) {
                        apply(filter, result);
                    }
                })
                .onFailure(error -> {
                    if (generation == queryGeneration) {
                        LOG.warn("Reading the purchase history failed", error);
                        showStatus(messages.get("purchases.error.load", reason(error)), Tone.DANGER);
                        showingLoadError = true;
                    }
                })
                .onDone(() -> {
                    ReadyResult r = ready;
                    if (r != null && r.generation() <= generation) {
                        ready = null;
                    }
                    if (generation == queryGeneration) {
                        loading.set(false);
                        if (reloadAfterRunning) {
                            runQuery();
                        }
                    }
                })
                .start();
    }

    /**
     * Shows the running query's result now if it is already computed, instead of when its
     * delivery, queued behind the work at hand on the UI thread, comes round. The page calls
     * this as it goes on screen: a history read while the window was being built is then in the
     * window's first frame rather than changing the page again right after it (a change the
     * next frame could only draw once the first, the longest to draw, was done).
     */
    public void showReadyResult() {
        ReadyResult r = ready;
        if (r == null || r.generation() != queryGeneration || shownEarly == r.generation()) {
            return;
        }
        shownEarly = r.generation();
        ready = null;
        apply(r.filter(), r.result());
        loading.set(false);
    }

    private record ReadyResult(long generation, PurchaseFilter filter, QueryResult result) {
    }

    /**
     * What one query produces; computed off the UI thread. {@code rows} is null when the
     * purchases and the filter are those already shown (nothing to read again).
     */
    private record QueryResult(long generation, List<PurchaseRow> rows, List<ColumnSort> sortedBy,
                               String countText, String totalsText, SpendingChart chart, List<Year> years) {
    }

    private QueryResult load(PurchaseFilter filter, long knownGeneration, PurchaseFilter knownFilter,
                             List<ColumnSort> order) {
        // Every sync pass ends with a reload, most bring nothing: 100,000 rows are not read again for that.
        long generation = history.generation();
        if (generation == knownGeneration && filter.equals(knownFilter)) {
            return new QueryResult(generation, null, order, null, null, null, null);
        }
        PurchaseMatches found = history.matches(filter, formats.locale());
        List<PurchaseRow> built = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            if ((i & 4095) == 4095 && Thread.currentThread().isInterrupted()) {
                // A newer query replaced this one; its result would be dropped anyway.
                throw new CancellationException("replaced by a newer query");
            }
            built.add(new PurchaseRow(found, i));
        }
        sort(built, order);
        // The texts too: formatting money the first time in a currency takes milliseconds.
        return new QueryResult(generation, built, order, messages.get("purchases.count", built.size()),
                totalsText(PurchaseTotals.of(found)), SpendingChart.of(found, history.zone()), history.years());
    }

    private void apply(PurchaseFilter filter, QueryResult result) {
        if (showingLoadError) {
            showStatus("", Tone.NEUTRAL);
            showingLoadError = false;
        }
        if (result.rows() == null) {
            return;
        }
        shownGeneration = result.generation();
        shownFilter = filter;
        applyingRows = true;
        try {
            rows.setAll(result.rows());
            if (!result.sortedBy().equals(sortOrder)) {
                // The learner sorted while this query ran: sort these rows too.
                sortBy(sortOrder);
            }
        } finally {
            applyingRows = false;
        }
        countText.set(result.countText());
        totalsText.set(result.totalsText());
        placeholderText.set(filter.equals(PurchaseFilter.all()) ? messages.get("purchases.empty.none")
                : messages.get("purchases.empty.noMatch"));
        updateYearOptions(result.years());
        chart = result.chart();
        updateChartCurrencies();
        reselect();
    }

    private String totalsText(PurchaseTotals totals) {
        String paid = totals.paid().isEmpty() ? messages.get("purchases.totals.nothingPaid")
                : messages.get("purchases.totals.paid", joinMoney(totals.paid()));
        if (totals.refunded().isEmpty()) {
            return paid;
        }
        return paid + SEPARATOR + messages.get("purchases.totals.refunded", joinMoney(totals.refunded()));
    }

    private String joinMoney(List<Money> amounts) {
        return amounts.stream().map(formats::money).collect(Collectors.joining(SEPARATOR));
    }

    private void updateYearOptions(List<Year> years) {
        List<FilterOption<Year>> options = new ArrayList<>();
        options.add(yearOptions.get(0));
        years.forEach(y -> options.add(new FilterOption<>(y, Integer.toString(y.getValue()))));
        FilterOption<Year> chosen = yearFilter.get();
        if (chosen != null && !chosen.isAll() && !options.contains(chosen)) {
            // Keep the learner's choice listed even when a search leaves that year empty.
            options.add(chosen);
        }
        if (!options.equals(yearOptions)) {
            settingFilters = true;
            try {
                yearOptions.setAll(options);
                yearFilter.set(chosen);
            } finally {
                settingFilters = false;
            }
        }
    }

    /** After new rows: the selected purchase, by id, in its new row (the detail stays even if filtered out). */
    private void reselect() {
        PurchaseRow current = selected.get();
        if (current == null) {
            return;
        }
        if (!rows.isEmpty()) {
            int position = rows.get(0).matches().positionOf(current.id());
            for (PurchaseRow row : rows) {
                if (row.position() == position) {
                    selected.set(row);
                    return;
                }
            }
        }
    }

    // =====================================================================================
    // The table
    // =====================================================================================

    /** Every row shown, in the table's order; the view binds its comparator to the table's. */
    /**
     * Sorts the rows by these columns (none: the history's order, newest first), off the UI
     * thread: alphabetical columns first need the places of their texts (a few hundred
     * milliseconds for 100,000 titles, once per history), and comparing 100,000 rows takes
     * tens of milliseconds more. The rows on screen are swapped for the sorted ones when ready;
     * the latest call wins, and a reload keeps the order.
     */
    public void sortBy(List<ColumnSort> order) {
        sortOrder = List.copyOf(order);
        if (sortTask != null) {
            sortTask.cancel();
            sortTask = null;
        }
        if (rows.isEmpty()) {
            return;
        }
        List<PurchaseRow> current = List.copyOf(rows);
        List<ColumnSort> wanted = sortOrder;
        sortTask = tasks.task(() -> {
                    List<PurchaseRow> sorted = new ArrayList<>(current);
                    sort(sorted, wanted);
                    return sorted;
                })
                .name("purchases-sort")
                .onSuccess(sorted -> {
                    boolean sameRows = rows.size() == sorted.size() && (rows.isEmpty()
                            || rows.get(0).matches() == sorted.get(0).matches());
                    if (sortOrder == wanted && sameRows) {
                        applyingRows = true;
                        try {
                            rows.setAll(sorted);
                        } finally {
                            applyingRows = false;
                        }
                    }
                })
                .onFailure(error -> LOG.warn("Sorting the purchases failed", error))
                .start();
    }

    /** The table's sort order, as last asked for. */
    public List<ColumnSort> sortOrder() {
        return sortOrder;
    }

    /** Sorts {@code rows} (all of one search's matches) in place; call off the UI thread. */
    private void sort(List<PurchaseRow> rows, List<ColumnSort> order) {
        if (rows.isEmpty()) {
            return;
        }
        PurchaseMatches matches = rows.get(0).matches();
        Set<PurchaseMatches.Text> texts = EnumSet.noneOf(PurchaseMatches.Text.class);
        Comparator<PurchaseRow> comparator = null;
        for (ColumnSort sort : order) {
            switch (sort.column()) {
                case PRODUCT -> texts.add(PurchaseMatches.Text.TITLE);
                case PARTNER -> texts.add(PurchaseMatches.Text.PARTNER);
                case RECEIPT -> texts.add(PurchaseMatches.Text.RECEIPT);
                default -> { }
            }
            Comparator<PurchaseRow> one = comparator(sort.column());
            one = sort.ascending() ? one : one.reversed();
            comparator = comparator == null ? one : comparator.thenComparing(one);
        }
        matches.prepareOrder(texts);
        // Without a sort order: the history's order, which is the matches' own.
        rows.sort(comparator != null ? comparator : Comparator.comparingInt(PurchaseRow::position));
    }

    /** Every row shown, in the table's order (the export writes this order). */
    public ObservableList<PurchaseRow> shownRows() {
        return rows;
    }


    /** The text of one cell. */
    public String cellText(PurchaseColumn column, PurchaseRow row) {
        PurchaseMatches m = row.matches();
        int i = row.position();
        return switch (column) {
            case DATE -> formats.date(Instant.ofEpochMilli(m.purchasedAtMillis(i)));
            case PRODUCT -> m.title(i);
            case PARTNER -> m.partner(i);
            case TYPE -> words.type(m.type(i));
            case AMOUNT -> formats.money(m.total(i));
            case STATUS -> m.actionPending(i)
                    ? messages.get("purchases.status.refundRequested", words.status(m.status(i)))
                    : words.status(m.status(i));
            case CHANNEL -> words.channel(m.channel(i));
            case RECEIPT -> m.receiptNumber(i);
        };
    }

    /**
     * How a column sorts: dates as instants, money by amount within its currency (currencies
     * apart, never converted), words in the learner's language's order.
     */
    public synchronized Comparator<PurchaseRow> comparator(PurchaseColumn column) {
        // Made on first use: ranking words needs the language's collator, whose tables take
        // 10-20 ms to build, which the first page does not need.
        return comparators.computeIfAbsent(column, this::makeComparator);
    }

    private Comparator<PurchaseRow> makeComparator(PurchaseColumn column) {
        // Every comparison reads primitive columns: sorting 100,000 rows makes no objects.
        Comparator<PurchaseRow> byDate = Comparator
                .comparingLong((PurchaseRow r) -> r.matches().purchasedAtMillis(r.position()))
                .thenComparing(PurchaseRow::id);
        return switch (column) {
            case DATE -> byDate;
            case PRODUCT -> Comparator.comparingInt(
                    (PurchaseRow r) -> r.matches().titlePlace(r.position())).thenComparing(byDate);
            case PARTNER -> Comparator.comparingInt(
                    (PurchaseRow r) -> r.matches().partnerPlace(r.position())).thenComparing(byDate);
            case AMOUNT -> Comparator.comparing((PurchaseRow r) -> r.matches().totalCurrency(r.position()).getCurrencyCode())
                    .thenComparingLong(r -> r.matches().totalMinor(r.position()))
                    .thenComparing(byDate);
            case TYPE -> {
                int[] typeRank = rank(ProductType.values(), words::type);
                yield Comparator.comparingInt(
                        (PurchaseRow r) -> typeRank[r.matches().type(r.position()).ordinal()]).thenComparing(byDate);
            }
            case STATUS -> {
                int[] statusRank = rank(PurchaseStatus.values(), words::status);
                yield Comparator.comparingInt(
                        (PurchaseRow r) -> statusRank[r.matches().status(r.position()).ordinal()]).thenComparing(byDate);
            }
            case CHANNEL -> {
                int[] channelRank = rank(Channel.values(), words::channel);
                yield Comparator.comparingInt(
                        (PurchaseRow r) -> channelRank[r.matches().channel(r.position()).ordinal()]).thenComparing(byDate);
            }
            case RECEIPT -> Comparator.comparingInt(
                    (PurchaseRow r) -> r.matches().receiptPlace(r.position())).thenComparing(PurchaseRow::id);
        };
    }

    /** Each value's place in the alphabetical order of its words, so sorting compares integers. */
    private <E extends Enum<E>> int[] rank(E[] values, Function<E, String> word) {
        Collator collator = Collator.getInstance(formats.locale());
        List<E> order = new ArrayList<>(List.of(values));
        order.sort(Comparator.comparing(word, collator));
        int[] ranks = new int[values.length];
        for (int i = 0; i < order.size(); i++) {
            ranks[order.get(i).ordinal()] = i;
        }
        return ranks;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "48 purchases". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Per-currency sums of what is shown: "Paid: £1,234.00 · $98.00 · ¥4,900". */
    public ReadOnlyStringProperty totalsTextProperty() {
        return totalsText.getReadOnlyProperty();
    }

    /** What an empty table says: nothing yet, or nothing matches. */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    /** The outcome of the last export, or a reading error; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> statusToneProperty() {
        return statusTone.getReadOnlyProperty();
    }

    /** True when a search or a filter narrows the history. */
    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered.getReadOnlyProperty();
    }

    public ObservableList<FilterOption<ProductType>> typeOptions() {
        return typeOptions;
    }

    public ObservableList<FilterOption<PurchaseStatus>> statusOptions() {
        return statusOptions;
    }

    /** "All years" and the years that have purchases, newest first. */
    public ObservableList<FilterOption<Year>> yearOptions() {
        return yearOptions;
    }

    public ObservableList<FilterOption<Channel>> channelOptions() {
        return channelOptions;
    }

    public ObjectProperty<FilterOption<ProductType>> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<FilterOption<PurchaseStatus>> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<FilterOption<Year>> yearFilterProperty() {
        return yearFilter;
    }

    public ObjectProperty<FilterOption<Channel>> channelFilterProperty() {
        return channelFilter;
    }

    // =====================================================================================
    // The chart
    // =====================================================================================

    private void updateChartCurrencies() {
        List<FilterOption<Currency>> options = chart.currencies().stream()
                .map(c -> new FilterOption<>(c, c.getCurrencyCode())).toList();
        FilterOption<Currency> chosen = chartCurrency.get();
        if (!options.equals(chartCurrencies)) {
            chartCurrencies.setAll(options);
        }
        FilterOption<Currency> next = chosen != null && options.contains(chosen) ? chosen
                : options.isEmpty() ? null : options.get(0);
        if (Objects.equals(next, chartCurrency.get())) {
            updateChartBars();
        } else {
            chartCurrency.set(next);
        }
    }

    private void updateChartBars() {
        if (!chartShown.get()) {
            return; // made again when shown
        }
        FilterOption<Currency> currency = chartCurrency.get();
        if (currency == null || currency.value() == null) {
            chartBars.clear();
            chartAxisLabel.set("");
            chartPlaceholder.set(messages.get("purchases.chart.empty"));
            return;
        }
        SpendingChart.Granularity granularity = chartGranularity.get() == null ? SpendingChart.Granularity.MONTH
                : chartGranularity.get();
        List<ChartBar> bars = new ArrayList<>();
        for (SpendingChart.Bar bar : chart.bars(currency.value(), granularity)) {
            LocalDate start = bar.periodStart();
            String label = granularity == SpendingChart.Granularity.MONTH ? monthLabel.format(start)
                    : Integer.toString(start.getYear());
            bars.add(new ChartBar(label, bar.total().toDecimal().doubleValue(), formats.money(bar.total())));
        }
        chartBars.setAll(bars);
        chartAxisLabel.set(messages.get("purchases.chart.axis", currency.value().getCurrencyCode()));
        chartPlaceholder.set(bars.isEmpty() ? messages.get("purchases.chart.empty") : "");
    }

    /** A value on the chart's amount axis, written as the learner's locale writes numbers ("6.500" in Spanish). */
    public String axisTickText(Number value) {
        NumberFormat format = NumberFormat.getNumberInstance(formats.locale());
        format.setMaximumFractionDigits(2);
        return value == null ? "" : format.format(value);
    }

    /** By month or by year. */
    public ObjectProperty<SpendingChart.Granularity> chartGranularityProperty() {
        return chartGranularity;
    }

    /** The currencies with paid purchases among those shown (one chart each: amounts are never mixed). */
    public ObservableList<FilterOption<Currency>> chartCurrencies() {
        return chartCurrencies;
    }

    public ObjectProperty<FilterOption<Currency>> chartCurrencyProperty() {
        return chartCurrency;
    }

    /**
     * Whether the chart is on screen (true unless a view says otherwise). Its bars, axis label
     * and placeholder are made only then: every reload of the history (the first, while the
     * window opens, and one after each sync pass) would otherwise format sixty bars that nobody
     * sees.
     */
    public BooleanProperty chartShownProperty() {
        return chartShown;
    }

    /** The bars of the chosen currency and period width, oldest first; paid purchases only. */
    public ObservableList<ChartBar> chartBars() {
        return chartBars;
    }

    /** "Paid (GBP)". */
    public ReadOnlyStringProperty chartAxisLabelProperty() {
        return chartAxisLabel.getReadOnlyProperty();
    }

    /** What an empty chart says; empty when it has bars. */
    public ReadOnlyStringProperty chartPlaceholderProperty() {
        return chartPlaceholder.getReadOnlyProperty();
    }

    // =====================================================================================
    // The detail pane
    // =====================================================================================

    /**
     * Shows {@code row}'s receipt; null clears the pane. The table's own reshuffling while new
     * rows arrive is ignored: the selection follows the purchase, not the row.
     */
    public void select(PurchaseRow row) {
        if (applyingRows || row == selected.get()) {
            return;
        }
        selected.set(row);
        if (row == null) {
            clearDetail();
            return;
        }
        boolean samePurchase = detailEntry != null && detailEntry.purchase().id().equals(row.id());
        if (!samePurchase) {
            latestRequest = null;
            actionErrorText.set("");
        }
        showDetail(new PurchaseEntry(row.purchase(), row.actionPending()));
        loadDetail(row.id());
    }

    private void refreshDetail() {
        if (detailEntry != null) {
            loadDetail(detailEntry.purchase().id());
        }
    }

    /** The stored copy and the latest refund request, read in the background. */
    private void loadDetail(String purchaseId) {
        if (detailTask != null) {
            detailTask.cancel();
        }
        detailTask = tasks.task(() -> new DetailResult(history.find(purchaseId),
                        history.latestRefundRequest(purchaseId)))
                .name("purchase-detail")
                .onSuccess(result -> {
                    if (detailEntry == null || !detailEntry.purchase().id().equals(purchaseId)) {
                        return;
                    }
                    latestRequest = result.request().orElse(null);
                    showDetail(result.entry().orElse(detailEntry));
                })
                .onFailure(error -> LOG.warn("Reading purchase {} failed", purchaseId, error))
                .start();
    }

    private record DetailResult(Optional<PurchaseEntry> entry, Optional<RefundRequestState> request) {
    }

    private void clearDetail() {
        if (detailTask != null) {
            detailTask.cancel();
        }
        detailEntry = null;
        latestRequest = null;
        detailShown.set(false);
        detailTitle.set("");
        detailSubtitle.set("");
        detailFields.clear();
        refundPositionText.set("");
        refundPositionTone.set(Tone.NEUTRAL);
        refundRequestText.set("");
        refundRequestTone.set(Tone.NEUTRAL);
        actionErrorText.set("");
        canRequestRefund.set(false);
    }

    private void showDetail(PurchaseEntry entry) {
        detailEntry = entry;
        Purchase p = entry.purchase();
        Instant now = clock.instant();
        detailShown.set(true);
        detailTitle.set(p.product().title());
        detailSubtitle.set(p.product().partner());
        detailFields.setAll(fields(p));
        RefundPosition position = refundPosition(p, now);
        refundPositionText.set(position.text());
        refundPositionTone.set(position.tone());
        boolean pending = entry.actionPending()
                || latestRequest != null && latestRequest.stage() == RefundRequestState.Stage.PENDING;
        if (pending) {
            // The money and where it goes, in words true online and offline alike: the request
            // is sent at once when the provider can be reached, and kept until then otherwise.
            refundRequestText.set(messages.get("purchases.refund.request.pending", formats.money(p.total()),
                    words.paymentMethod(p.paymentMethod())));
            refundRequestTone.set(Tone.PENDING);
        } else if (latestRequest != null && latestRequest.stage() == RefundRequestState.Stage.CONFIRMED) {
            Instant at = latestRequest.answeredAt() != null ? latestRequest.answeredAt() : latestRequest.askedAt();
            refundRequestText.set(messages.get("purchases.refund.request.confirmed", formats.dateTime(at)));
            refundRequestTone.set(Tone.OK);
        } else if (latestRequest != null && latestRequest.stage() == RefundRequestState.Stage.REFUSED) {
            refundRequestText.set(latestRequest.detail() == null || latestRequest.detail().isBlank()
                    ? messages.get("purchases.refund.request.refusedNoReason")
                    : messages.get("purchases.refund.request.refused", latestRequest.detail()));
            refundRequestTone.set(Tone.DANGER);
        } else {
            refundRequestText.set("");
            refundRequestTone.set(Tone.NEUTRAL);
        }
        canRequestRefund.set(!pending && !refundBusy.get() && p.isRefundable(now));
    }

    private List<DetailField> fields(Purchase p) {
        List<DetailField> list = new ArrayList<>();
        list.add(new DetailField(messages.get("purchases.detail.receipt"), p.receiptNumber()));
        list.add(new DetailField(messages.get("purchases.detail.date"), formats.dateTime(p.purchasedAt())));
        list.add(new DetailField(messages.get("purchases.detail.type"), words.type(p.product().type())));
        list.add(new DetailField(messages.get("purchases.detail.kind"), words.kind(p.kind())));
        list.add(new DetailField(messages.get("purchases.detail.channel"), words.channel(p.channel())));
        list.add(new DetailField(messages.get("purchases.detail.status"), words.status(p.status())));
        // Nothing was taken for a pending or failed payment: "Paid with" would say it was.
        list.add(new DetailField(messages.get(p.wasCharged() ? "purchases.detail.paymentMethod"
                : "purchases.detail.paymentMethodUncharged"), words.paymentMethod(p.paymentMethod())));
        list.add(new DetailField(messages.get("purchases.detail.amount"), formats.money(p.amount())));
        list.add(new DetailField(messages.get("purchases.detail.tax"), formats.money(p.tax())));
        list.add(new DetailField(messages.get("purchases.detail.total"), formats.money(p.total())));
        // Only a paid purchase can be refunded; a pending, failed or refunded one keeps the
        // window it was sold with, which no longer means anything to the learner.
        if (p.refundableUntil() != null && p.status() == PurchaseStatus.PAID) {
            list.add(new DetailField(messages.get("purchases.detail.refundableUntil"),
                    formats.dateTime(p.refundableUntil())));
        }
        if (p.refundedAt() != null) {
            list.add(new DetailField(messages.get("purchases.detail.refundedAt"), formats.dateTime(p.refundedAt())));
        }
        list.add(new DetailField(messages.get("purchases.detail.id"), p.id()));
        return list;
    }

    private record RefundPosition(String text, Tone tone) {
    }

    /** Whether and how this purchase can be refunded, in words, from the contract's rules. */
    private RefundPosition refundPosition(Purchase p, Instant now) {
        switch (p.status()) {
            case REFUNDED -> {
                return new RefundPosition(p.refundedAt() == null ? messages.get("purchases.refund.position.refunded")
                        : messages.get("purchases.refund.position.refundedOn", shortDate(p.refundedAt(), now)),
                        Tone.NEUTRAL);
            }
            case FAILED -> {
                return new RefundPosition(messages.get("purchases.refund.position.failed"), Tone.DANGER);
            }
            case PENDING -> {
                return new RefundPosition(messages.get("purchases.refund.position.paymentPending"), Tone.WARNING);
            }
            case PAID -> {
                // Paid: where it was bought and its refund window decide.
            }
        }
        if (p.channel() == Channel.APP_STORE) {
            return new RefundPosition(messages.get("purchases.refund.position.appStore"), Tone.NEUTRAL);
        }
        if (p.channel() == Channel.GOOGLE_PLAY) {
            return new RefundPosition(messages.get("purchases.refund.position.googlePlay"), Tone.NEUTRAL);
        }
        if (p.refundableUntil() == null) {
            return new RefundPosition(p.kind() == PurchaseKind.SUBSCRIPTION_PAYMENT
                    ? messages.get("purchases.refund.position.subscriptionPayment")
                    : messages.get("purchases.refund.position.noWindow"), Tone.NEUTRAL);
        }
        if (!now.isAfter(p.refundableUntil())) {
            return new RefundPosition(messages.get("purchases.refund.position.refundableUntil",
                    shortDate(p.refundableUntil(), now)), Tone.OK);
        }
        return new RefundPosition(messages.get("purchases.refund.position.windowClosed", windowDays(p),
                shortDate(p.refundableUntil(), now)), Tone.NEUTRAL);
    }

    /** "12 May" this year, "12 May 2025" otherwise. */
    private String shortDate(Instant instant, Instant now) {
        boolean thisYear = instant.atZone(formats.zone()).getYear() == now.atZone(formats.zone()).getYear();
        return thisYear ? formats.dayMonth(instant) : formats.date(instant);
    }

    private static long windowDays(Purchase p) {
        return Math.max(1, Math.round(Duration.between(p.purchasedAt(), p.refundableUntil()).toSeconds() / 86_400.0));
    }

    /** The purchase whose receipt is shown, or null. */
    public ReadOnlyObjectProperty<PurchaseRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty detailShownProperty() {
        return detailShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailSubtitleProperty() {
        return detailSubtitle.getReadOnlyProperty();
    }

    /** Every receipt field of the selected purchase. */
    public ObservableList<DetailField> detailFields() {
        return detailFields;
    }

    /** "Refundable until 12 May", "Bought in the App Store: ask Apple for a refund", … */
    public ReadOnlyStringProperty refundPositionTextProperty() {
        return refundPositionText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> refundPositionToneProperty() {
        return refundPositionTone.getReadOnlyProperty();
    }

    /** The learner's refund request: pending, confirmed, or refused with the provider's reason; or empty. */
    public ReadOnlyStringProperty refundRequestTextProperty() {
        return refundRequestText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> refundRequestToneProperty() {
        return refundRequestTone.getReadOnlyProperty();
    }

    // =====================================================================================
    // Refund request
    // =====================================================================================

    /** True when the selected purchase is a paid web purchase inside its refund window with nothing pending. */
    public ReadOnlyBooleanProperty canRequestRefundProperty() {
        return canRequestRefund.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refundBusyProperty() {
        return refundBusy.getReadOnlyProperty();
    }

    /** Why the last refund request could not be made, in plain words; empty otherwise. */
    public ReadOnlyStringProperty actionErrorTextProperty() {
        return actionErrorText.getReadOnlyProperty();
    }

    /** The words of the confirmation dialog for the selected purchase, if a refund can be asked for. */
    public Optional<RefundConfirmation> refundConfirmation() {
        if (detailEntry == null || !canRequestRefund.get()) {
            return Optional.empty();
        }
        Purchase p = detailEntry.purchase();
        String amount = formats.money(p.total());
        String message = messages.get("purchases.refund.dialog.message", amount, words.paymentMethod(p.paymentMethod()),
                windowDays(p));
        if (p.kind() == PurchaseKind.SUBSCRIPTION_PAYMENT) {
            // Only a subscription's first payment (no free trial) has a refund window, and the
            // provider ends the subscription when it refunds it: the learner must know first.
            message = message + " " + messages.get("purchases.refund.dialog.endsSubscription");
        }
        return Optional.of(new RefundConfirmation(
                messages.get("purchases.refund.dialog.title"),
                p.product().title(),
                message,
                messages.get("purchases.refund.dialog.reason", REASON_MAX),
                messages.get("purchases.refund.dialog.reasonPrompt"),
                messages.get("purchases.refund.dialog.confirm", amount),
                messages.get("purchases.refund.dialog.cancel")));
    }

    /** A reason the provider accepts: 1 to {@value #REASON_MAX} characters once trimmed. */
    public boolean isValidReason(String reason) {
        if (reason == null) {
            return false;
        }
        int length = reason.strip().codePointCount(0, reason.strip().length());
        return length >= 1 && length <= REASON_MAX;
    }

    /** "12/500". */
    public String reasonLengthText(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        return messages.get("purchases.refund.dialog.length", stripped.codePointCount(0, stripped.length()), REASON_MAX);
    }

    /**
     * Queues a refund request for the selected purchase (after the learner confirmed); it is
     * sent at once when the server can be reached and shown as pending until it answers.
     */
    public void requestRefund(String reason) {
        if (detailEntry == null || !canRequestRefund.get()) {
            return;
        }
        if (!isValidReason(reason)) {
            actionErrorText.set(messages.get("purchases.refund.error.invalid", REASON_MAX));
            return;
        }
        String purchaseId = detailEntry.purchase().id();
        String text = reason.strip();
        refundBusy.set(true);
        canRequestRefund.set(false);
        actionErrorText.set("");
        tasks.task(() -> history.requestRefund(purchaseId, text))
                .name("request-refund")
                .onSuccess(actionId -> {
                    LOG.info("Refund of {} queued as action {}", purchaseId, actionId);
                    if (detailEntry != null && detailEntry.purchase().id().equals(purchaseId)) {
                        // Shown as pending at once, before the reload reads the pending mark back.
                        detailEntry = new PurchaseEntry(detailEntry.purchase(), true);
                    }
                    reload();
                    dataChanged.run();
                })
                .onFailure(error -> {
                    actionErrorText.set(refundError(error));
                    refreshDetail();
                })
                .onDone(() -> {
                    refundBusy.set(false);
                    if (detailEntry != null) {
                        showDetail(detailEntry);
                    }
                })
                .start();
    }

    private String refundError(Throwable error) {
        if (error instanceof ActionNotAllowedException notAllowed) {
            return switch (notAllowed.reason()) {
                case NOT_FOUND -> messages.get("purchases.refund.error.notFound");
                case MANAGED_ELSEWHERE -> messages.get("purchases.refund.error.managedElsewhere");
                case NOT_REFUNDABLE -> messages.get("purchases.refund.error.notRefundable");
                case ALREADY_PENDING -> messages.get("purchases.refund.error.alreadyPending");
                case INVALID_INPUT -> messages.get("purchases.refund.error.invalid", REASON_MAX);
                case NOT_CANCELABLE, NOT_RESTARTABLE -> messages.get("purchases.refund.error.notRefundable");
            };
        }
        LOG.warn("Queuing a refund request failed", error);
        return messages.get("purchases.refund.error.store", reason(error));
    }

    // =====================================================================================
    // Export
    // =====================================================================================

    /** A file name for the save dialog: "purchases-2026-05-03.csv". */
    public String suggestedExportFileName() {
        return messages.get("purchases.export.fileName", clock.instant().atZone(formats.zone()).toLocalDate().toString());
    }

    /** The save dialog's title. */
    public String exportDialogTitle() {
        return messages.get("purchases.export.dialogTitle");
    }

    /** The file type shown in the save dialog: "CSV files (*.csv)". */
    public String exportFileTypeLabel() {
        return messages.get("purchases.export.fileType");
    }

    public ReadOnlyBooleanProperty exportBusyProperty() {
        return exportBusy.getReadOnlyProperty();
    }

    /** Writes exactly what is shown, in the table's order, to {@code file} as CSV. */
    public void exportCsv(Path chosen) {
        Objects.requireNonNull(chosen, "chosen");
        // Some save dialogs do not add the extension of the chosen file type.
        String name = String.valueOf(chosen.getFileName());
        Path file = name.contains(".") ? chosen : chosen.resolveSibling(name + ".csv");
        // The rows in the table's order; their purchases are made on the export's thread.
        List<PurchaseRow> shown = List.copyOf(rows);
        exportBusy.set(true);
        showStatus(messages.get("purchases.export.running", shown.size()), Tone.NEUTRAL);
        tasks.task(() -> exporter.export(shown.stream().map(PurchaseRow::purchase).toList(), file))
                .name("export-csv")
                .onSuccess(count -> showStatus(messages.get("purchases.export.done", count,
                        String.valueOf(file.getFileName())), Tone.OK))
                .onFailure(error -> {
                    LOG.warn("CSV export to {} failed", file, error);
                    showStatus(messages.get("purchases.export.failed", String.valueOf(file.getFileName()),
                            reason(error)), Tone.DANGER);
                })
                .onDone(() -> exportBusy.set(false))
                .start();
    }

    private void showStatus(String text, Tone tone) {
        statusText.set(text);
        statusTone.set(tone);
    }

    private static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
