package com.coursedesk.ui.purchases;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.purchases.SpendingChart;
import com.coursedesk.ui.common.DetachWhileHidden;
import com.coursedesk.ui.common.Dialogs;
import com.coursedesk.ui.common.Hint;
import com.coursedesk.ui.common.TabLeavesTextArea;
import com.coursedesk.ui.common.TablePlaceholder;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TextSizedChoiceBoxSkin;
import com.coursedesk.ui.paperwork.PaperworkDialogs;
import com.coursedesk.ui.paperwork.PaperworkViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.io.File;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The purchase history screen's view: binds the table, the filters, the detail pane and the
 * chart to {@link PurchasesViewModel}, debounces typing in the search box, and owns what
 * needs a window (the refund confirmation dialog, the save dialog of the export).
 */
public final class PurchasesView {

    /** Typing is searched once it pauses this long, not on every key. */
    static final Duration SEARCH_DEBOUNCE = Duration.millis(200);
    /** A read still running after this long shows the spinner. */
    static final Duration SPINNER_AFTER = Duration.millis(400);
    private static final double MAX_BAR_WIDTH = 56;
    // While the table waits for its first rows it makes this many of them a frame (makeRowsAhead),
    // from this long after a frame showed the history empty: the page's first frames come first.
    private static final int ROWS_AHEAD_PER_FRAME = 1;
    private static final Duration ROWS_AHEAD_DELAY = Duration.millis(250);

    private static final List<String> TONE_CLASSES = List.of("status-ok", "status-warning", "status-danger", "pending");

    private final PurchasesViewModel viewModel;
    private final PaperworkViewModel paperwork;
    private final PauseTransition searchPause = new PauseTransition(SEARCH_DEBOUNCE);
    private final PauseTransition spinnerPause = new PauseTransition(SPINNER_AFTER);

    @FXML
    private BorderPane root;
    @FXML
    private ProgressIndicator loadingIndicator;
    @FXML
    private Button exportButton;
    @FXML
    private Button taxYearButton;
    @FXML
    private HBox paperworkBar;
    @FXML
    private Label paperworkStatusLabel;
    @FXML
    private Button cancelExportButton;
    @FXML
    private Button receiptButton;
    @FXML
    private TextField searchField;
    @FXML
    private ChoiceBox<FilterOption<ProductType>> typeFilter;
    @FXML
    private ChoiceBox<FilterOption<PurchaseStatus>> statusFilter;
    @FXML
    private ChoiceBox<FilterOption<Year>> yearFilter;
    @FXML
    private ChoiceBox<FilterOption<Channel>> channelFilter;
    @FXML
    private Button clearFiltersButton;
    @FXML
    private TableView<PurchaseRow> table;
    private final Map<TableColumn<PurchaseRow, ?>, PurchaseColumn> sortColumns = new HashMap<>();
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> dateColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> productColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> partnerColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> typeColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> amountColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> statusColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> channelColumn;
    @FXML
    private TableColumn<PurchaseRow, PurchaseRow> receiptColumn;
    @FXML
    private Label detailPlaceholder;
    @FXML
    private VBox detailContent;
    @FXML
    private Label detailTitle;
    @FXML
    private Label detailSubtitle;
    @FXML
    private Button refundButton;
    @FXML
    private Label refundPositionLabel;
    @FXML
    private Label refundRequestLabel;
    @FXML
    private Label actionErrorLabel;
    @FXML
    private GridPane detailGrid;
    @FXML
    private ToggleGroup granularityGroup;
    @FXML
    private ToggleButton byMonthButton;
    @FXML
    private ToggleButton byYearButton;
    @FXML
    private ChoiceBox<FilterOption<Currency>> chartCurrency;
    @FXML
    private Tab chartTab;
    @FXML
    private StackPane chartArea;
    @FXML
    private Label chartPlaceholder;
    // Made on the chart tab's first showing (chart()): a bar chart, its axes and their styles
    // cost the start-up of a page most learners open on the history tab.
    private BarChart<String, Number> chart;
    private List<ChartBar> drawnBars;
    private final PauseTransition rowsAheadPause = new PauseTransition(ROWS_AHEAD_DELAY);
    private final Runnable rowsAheadStep = this::makeRowsAhead;
    private Scene rowsAheadScene;
    private int rowsAhead;
    private boolean hadRows;
    @FXML
    private Label countLabel;
    @FXML
    private Label totalsLabel;
    @FXML
    private Label statusLabel;

    /** @param paperwork the receipt and tax-year exports of this account */
    public PurchasesView(PurchasesViewModel viewModel, PaperworkViewModel paperwork) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.paperwork = Objects.requireNonNull(paperwork, "paperwork");
    }

    @FXML
    private void initialize() {
        bindSearchAndFilters();
        bindTable();
        bindDetail();
        bindChart();
        bindPaperwork();
        countLabel.textProperty().bind(viewModel.countTextProperty());
        totalsLabel.textProperty().bind(viewModel.totalsTextProperty());
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        tone(statusLabel, viewModel.statusToneProperty().get());
        viewModel.statusToneProperty().addListener((obs, old, tone) -> tone(statusLabel, tone));
        // The spinner shows only for a read that takes a while: a quick one would flash it,
        // and while it spins every frame must be drawn, each waiting for the one before.
        loadingIndicator.setVisible(false);
        DetachWhileHidden.apply(loadingIndicator);
        spinnerPause.setOnFinished(e -> loadingIndicator.setVisible(viewModel.loadingProperty().get()));
        viewModel.loadingProperty().addListener((obs, was, loading) -> {
            if (loading) {
                spinnerPause.playFromStart();
            } else {
                spinnerPause.stop();
                loadingIndicator.setVisible(false);
            }
        });
        if (viewModel.loadingProperty().get()) {
            spinnerPause.playFromStart();
        }
        exportButton.disableProperty().bind(viewModel.exportBusyProperty()
                .or(Bindings.isEmpty(viewModel.shownRows())));
        // A history read while the window was built is shown in the page's first frame.
        viewModel.showReadyResult();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.showReadyResult();
            }
        });
    }

    // ----- search and filters -----

    private void bindSearchAndFilters() {
        searchPause.setOnFinished(event -> viewModel.search(searchField.getText()));
        searchField.textProperty().addListener((obs, old, text) -> searchPause.playFromStart());
        searchField.setOnAction(event -> {
            // Enter searches at once.
            searchPause.stop();
            viewModel.search(searchField.getText());
        });
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                event.consume();
            }
        });
        bindFilter(typeFilter, viewModel.typeOptions(), viewModel.typeFilterProperty());
        bindFilter(statusFilter, viewModel.statusOptions(), viewModel.statusFilterProperty());
        bindFilter(yearFilter, viewModel.yearOptions(), viewModel.yearFilterProperty());
        bindFilter(channelFilter, viewModel.channelOptions(), viewModel.channelFilterProperty());
        clearFiltersButton.disableProperty().bind(viewModel.filteredProperty().not());
    }

    // Choice boxes, not combo boxes: a handful of fixed choices each, and a combo box keeps its
    // list view (a virtual flow, two scroll bars, ~25 nodes) in the scene for CSS from the start;
    // sized by their choices' text, not by styling their menus while the page first lays out.
    private static <T> void bindFilter(ChoiceBox<FilterOption<T>> box,
                                       ObservableList<FilterOption<T>> options,
                                       ObjectProperty<FilterOption<T>> value) {
        TextSizedChoiceBoxSkin.install(box);
        box.setItems(options);
        box.valueProperty().bindBidirectional(value);
    }

    @FXML
    private void clearFilters() {
        searchField.clear();
        // Clearing the field started the debounce; the view-model clears the search itself.
        searchPause.stop();
        viewModel.clearFilters();
    }

    // ----- the table -----

    private void bindTable() {
        table.setItems(viewModel.shownRows());
        // The view-model sorts its rows off this thread (100,000 of them), so the export sees
        // the same order; the table only keeps its headers' arrows.
        table.setSortPolicy(sorted -> {
            viewModel.sortBy(sorted.getSortOrder().stream()
                    .filter(column -> sortColumns.containsKey(column))
                    .map(column -> new ColumnSort(sortColumns.get(column),
                            column.getSortType() == TableColumn.SortType.ASCENDING))
                    .toList());
            return true;
        });
        column(dateColumn, PurchaseColumn.DATE);
        column(productColumn, PurchaseColumn.PRODUCT);
        column(partnerColumn, PurchaseColumn.PARTNER);
        column(typeColumn, PurchaseColumn.TYPE);
        column(amountColumn, PurchaseColumn.AMOUNT);
        column(statusColumn, PurchaseColumn.STATUS);
        column(channelColumn, PurchaseColumn.CHANNEL);
        column(receiptColumn, PurchaseColumn.RECEIPT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = TablePlaceholder.of(null);
        placeholder.getStyleClass().add("muted");
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            // A selection lost to a new search keeps the receipt on screen.
            if (row != null) {
                viewModel.select(row);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, row) -> showSelected(row));
        rowsAheadPause.setOnFinished(event -> startRowsAhead());
        hadRows = !viewModel.shownRows().isEmpty();
        viewModel.shownRows().addListener((InvalidationListener) obs -> hadRows |= !viewModel.shownRows().isEmpty());
        viewModel.loadingProperty().addListener((obs, was, loading) -> armRowsAhead());
        table.sceneProperty().addListener((obs, old, scene) -> armRowsAhead());
    }

    // ----- rows made ahead -----
    // A first sync into an empty copy brings the whole history at once: the table then made the
    // rows that fill it and their cells (with skins and styles) in one frame, 40-80 ms of the UI
    // thread. While it is empty it has nothing else to do, so it makes them ahead, one a frame:
    // one blank row (never drawn) laid out in the table cut to the height of the rows made so
    // far, then the table's own size and rows back, all within one step. An empty table keeps
    // the rows it made and reuses them when the history arrives. It starts a while after a
    // frame of the page was laid out, so that the page's first frames are drawn first.

    /**
     * Once the history is found empty on screen (and the table never had rows: it keeps those
     * it made for them), the next frame starts the delay before making rows.
     */
    private void armRowsAhead() {
        Scene scene = table.getScene();
        if (scene == null || rowsAheadScene != null || hadRows || viewModel.loadingProperty().get()
                || !viewModel.shownRows().isEmpty()) {
            return;
        }
        rowsAheadScene = scene;
        Runnable[] afterFrame = new Runnable[1];
        afterFrame[0] = () -> {
            scene.removePostLayoutPulseListener(afterFrame[0]);
            rowsAheadPause.playFromStart();
        };
        scene.addPostLayoutPulseListener(afterFrame[0]);
        Platform.requestNextPulse();
    }

    private void startRowsAhead() {
        if (table.getScene() == rowsAheadScene && viewModel.shownRows().isEmpty()) {
            rowsAheadScene.addPostLayoutPulseListener(rowsAheadStep);
            Platform.requestNextPulse();
        }
    }

    /** One step, after a frame's layout: one more row made, or the end once they fill the table. */
    private void makeRowsAhead() {
        ObservableList<PurchaseRow> rows = viewModel.shownRows();
        double rowHeight = table.getFixedCellSize();
        double width = table.getWidth();
        double height = table.getHeight();
        if (!rows.isEmpty() || table.getScene() != rowsAheadScene || rowHeight <= 0 || height <= 0
                || rowsAhead * rowHeight > height) {
            rowsAheadScene.removePostLayoutPulseListener(rowsAheadStep);
            return;
        }
        rowsAhead += ROWS_AHEAD_PER_FRAME;
        table.setItems(FXCollections.observableList(Collections.nCopies(1, PurchaseRow.BLANK)));
        // The header is about a row high: the rows below it are those made so far.
        table.resize(width, Math.min(height, (rowsAhead + 1) * rowHeight));
        table.applyCss();
        table.layout();
        table.setItems(rows);
        table.resize(width, height);
        table.layout();
        Platform.requestNextPulse();
    }

    private void column(TableColumn<PurchaseRow, PurchaseRow> column, PurchaseColumn which) {
        sortColumns.put(column, which);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new PurchaseCell(which));
        column.setSortable(true);
    }

    private void showSelected(PurchaseRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        if (table.getSelectionModel().getSelectedItem() == row) {
            return;
        }
        int index = table.getItems().indexOf(row);
        if (index >= 0) {
            table.getSelectionModel().clearAndSelect(index);
        } else {
            table.getSelectionModel().clearSelection();
        }
    }

    /** One cell: the view-model's text for its column; amounts right-aligned, states coloured. */
    private final class PurchaseCell extends TableCell<PurchaseRow, PurchaseRow> {

        private final PurchaseColumn column;

        PurchaseCell(PurchaseColumn column) {
            this.column = column;
            if (column == PurchaseColumn.AMOUNT) {
                getStyleClass().add("money");
            } else if (column == PurchaseColumn.RECEIPT) {
                getStyleClass().add("receipt");
            }
            if (column != PurchaseColumn.DATE && column != PurchaseColumn.AMOUNT) {
                // Long titles, types ("Professional Certificate"), states ("Paid, refund
                // requested"), channels and receipt numbers are cut by a narrow column: the whole
                // of it on hover (dates and amounts always fit theirs). Made on the first hover: a
                // tooltip is a popup window, and making 60 when the table first filled was a
                // visible pause.
                Hint.showWholeText(this);
            }
        }

        @Override
        protected void updateItem(PurchaseRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(TONE_CLASSES);
            if (empty || row == null || row == PurchaseRow.BLANK) {
                setText(null);
                return;
            }
            setText(viewModel.cellText(column, row));
            if (column == PurchaseColumn.STATUS) {
                if (row.actionPending()) {
                    getStyleClass().add("pending");
                } else if (row.purchase().status() == PurchaseStatus.FAILED) {
                    getStyleClass().add("status-danger");
                } else if (row.purchase().status() == PurchaseStatus.PENDING) {
                    getStyleClass().add("status-warning");
                }
            }
        }
    }

    // ----- the detail pane -----

    private void bindDetail() {
        detailContent.visibleProperty().bind(viewModel.detailShownProperty());
        detailPlaceholder.visibleProperty().bind(viewModel.detailShownProperty().not());
        DetachWhileHidden.apply(detailContent);
        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailSubtitle.textProperty().bind(viewModel.detailSubtitleProperty());
        refundPositionLabel.textProperty().bind(viewModel.refundPositionTextProperty());
        tone(refundPositionLabel, viewModel.refundPositionToneProperty().get());
        viewModel.refundPositionToneProperty().addListener((obs, old, tone) -> tone(refundPositionLabel, tone));
        refundRequestLabel.textProperty().bind(viewModel.refundRequestTextProperty());
        tone(refundRequestLabel, viewModel.refundRequestToneProperty().get());
        viewModel.refundRequestToneProperty().addListener((obs, old, tone) -> tone(refundRequestLabel, tone));
        showWhenText(refundRequestLabel);
        actionErrorLabel.textProperty().bind(viewModel.actionErrorTextProperty());
        showWhenText(actionErrorLabel);
        refundButton.visibleProperty().bind(viewModel.canRequestRefundProperty());
        refundButton.managedProperty().bind(refundButton.visibleProperty());
        refundButton.disableProperty().bind(viewModel.refundBusyProperty());
        ColumnConstraints key = new ColumnConstraints();
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setMinWidth(80);
        ColumnConstraints key2 = new ColumnConstraints();
        ColumnConstraints value2 = new ColumnConstraints();
        value2.setHgrow(Priority.ALWAYS);
        value2.setMinWidth(80);
        detailGrid.getColumnConstraints().setAll(key, value, key2, value2);
        viewModel.detailFields().addListener((ListChangeListener<DetailField>) change -> fillDetailGrid());
        fillDetailGrid();
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** The receipt's fields two to a line, so that the whole receipt fits the pane at 1024×700. */
    private void fillDetailGrid() {
        detailGrid.getChildren().clear();
        List<DetailField> fields = viewModel.detailFields();
        for (int i = 0; i < fields.size(); i++) {
            DetailField field = fields.get(i);
            Label key = new Label(field.label());
            key.getStyleClass().add("muted");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(field.value());
            value.setWrapText(true);
            value.setAccessibleText(field.label() + " " + field.value());
            key.setLabelFor(value);
            int row = i / 2;
            int col = (i % 2) * 2;
            detailGrid.add(key, col, row);
            detailGrid.add(value, col + 1, row);
        }
    }

    private static void tone(Node node, Tone tone) {
        node.getStyleClass().removeAll(TONE_CLASSES);
        String styleClass = switch (tone == null ? Tone.NEUTRAL : tone) {
            case OK -> "status-ok";
            case WARNING -> "status-warning";
            case DANGER -> "status-danger";
            case PENDING -> "pending";
            case NEUTRAL -> null;
        };
        if (styleClass != null) {
            node.getStyleClass().add(styleClass);
        }
    }

    @FXML
    private void requestRefund() {
        Optional<RefundConfirmation> confirmation = viewModel.refundConfirmation();
        if (confirmation.isEmpty()) {
            return;
        }
        RefundConfirmation words = confirmation.get();
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        Dialog<String> dialog = Dialogs.create(owner, words.title(), words.header());
        ButtonType confirm = new ButtonType(words.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(words.cancelLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel);

        Label message = new Label(words.message());
        message.setWrapText(true);
        Label reasonLabel = new Label(words.reasonLabel());
        TextArea reason = new TextArea();
        reason.setId("refundReason");
        reason.setPromptText(words.reasonPrompt());
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        reason.setAccessibleText(words.reasonLabel());
        TabLeavesTextArea.install(reason);
        reasonLabel.setLabelFor(reason);
        Label length = new Label();
        length.getStyleClass().add("muted");
        length.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.reasonLengthText(reason.getText()), reason.textProperty()));
        VBox content = new VBox(8, message, reasonLabel, reason, length);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);

        Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("confirmRefundButton");
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.isValidReason(reason.getText()), reason.textProperty()));
        dialog.setOnShown(event -> reason.requestFocus());
        dialog.setResultConverter(button -> button == confirm ? reason.getText() : null);
        dialog.showAndWait().ifPresent(viewModel::requestRefund);
    }

    // ----- the chart -----

    private void bindChart() {
        // The tab's controls join the scene, and the currency box gets its skin, when it is first
        // shown: CSS and layout visit the content of hidden tabs too.
        if (chartTab.isSelected()) {
            TextSizedChoiceBoxSkin.install(chartCurrency);
        } else {
            Node spending = chartTab.getContent();
            chartTab.setContent(null);
            chartTab.selectedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                    if (selected) {
                        chartTab.selectedProperty().removeListener(this);
                        TextSizedChoiceBoxSkin.install(chartCurrency);
                        chartTab.setContent(spending);
                    }
                }
            });
        }
        byMonthButton.setUserData(SpendingChart.Granularity.MONTH);
        byYearButton.setUserData(SpendingChart.Granularity.YEAR);
        selectGranularity(viewModel.chartGranularityProperty().get());
        granularityGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                // One of the two is always chosen: clicking the chosen one again keeps it.
                granularityGroup.selectToggle(old);
            } else {
                viewModel.chartGranularityProperty().set((SpendingChart.Granularity) toggle.getUserData());
            }
        });
        viewModel.chartGranularityProperty().addListener((obs, old, value) -> selectGranularity(value));
        chartCurrency.setItems(viewModel.chartCurrencies());
        chartCurrency.valueProperty().bindBidirectional(viewModel.chartCurrencyProperty());
        chartCurrency.disableProperty().bind(Bindings.size(viewModel.chartCurrencies()).lessThan(2));
        chartPlaceholder.textProperty().bind(viewModel.chartPlaceholderProperty());
        chartPlaceholder.visibleProperty().bind(viewModel.chartPlaceholderProperty().isNotEmpty());
        // Made and drawn only while its tab is shown: a reload of a long history (every sync pass
        // ends with one) would otherwise rebuild sixty bars on the UI thread for a hidden chart
        // (~70 ms).
        viewModel.chartBars().addListener((ListChangeListener<ChartBar>) change -> {
            if (chartTab.isSelected()) {
                fillChart();
            }
        });
        viewModel.chartShownProperty().bind(chartTab.selectedProperty());
        // After the binding: the bars are made again first, then drawn (at once if unchanged).
        chartTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                fillChart();
            }
        });
        if (chartTab.isSelected()) {
            fillChart();
        }
    }

    /** The bar chart, made and bound the first time it is needed. */
    private BarChart<String, Number> chart() {
        if (chart == null) {
            CategoryAxis xAxis = new CategoryAxis();
            xAxis.setAnimated(false);
            NumberAxis chartYAxis = new NumberAxis();
            chartYAxis.setAnimated(false);
            chartYAxis.setForceZeroInRange(true);
            chartYAxis.labelProperty().bind(viewModel.chartAxisLabelProperty());
            chartYAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number value) {
                    return viewModel.axisTickText(value);
                }

                @Override
                public Number fromString(String text) {
                    // Tick labels are only ever shown, never typed in, so nothing is parsed back.
                    return null;
                }
            });
            chart = new BarChart<>(xAxis, chartYAxis);
            chart.setId("chart");
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.setBarGap(2);
            chart.setCategoryGap(6);
            chart.widthProperty().addListener((obs, old, width) -> fitBarWidth());
            chart.visibleProperty().bind(chartPlaceholder.visibleProperty().not());
            chartArea.getChildren().add(0, chart);
        }
        return chart;
    }

    private void selectGranularity(SpendingChart.Granularity granularity) {
        granularityGroup.selectToggle(granularity == SpendingChart.Granularity.YEAR ? byYearButton : byMonthButton);
    }

    private void fillChart() {
        List<ChartBar> bars = List.copyOf(viewModel.chartBars());
        if (bars.equals(drawnBars)) {
            // A reload that changed nothing the chart shows: rebuilding it costs the UI thread a frame or more.
            return;
        }
        drawnBars = bars;
        List<XYChart.Data<String, Number>> data = new ArrayList<>(bars.size());
        List<String> categories = new ArrayList<>(bars.size());
        for (ChartBar bar : bars) {
            data.add(new XYChart.Data<>(bar.label(), bar.value()));
            categories.add(bar.label());
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.getData().setAll(data);
        // A new series (and category list) each time: CategoryAxis misplaces labels when categories change in place.
        BarChart<String, Number> chart = chart();
        chart.getData().clear();
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(categories);
        chart.getData().add(series);
        fitBarWidth();
        for (int i = 0; i < data.size(); i++) {
            Node node = data.get(i).getNode();
            if (node != null) {
                String text = bars.get(i).label() + ": " + bars.get(i).amountText();
                // The chart binds each bar's accessible text itself; the tooltip adds the money.
                // Sixty tooltips (popup windows) made at once stalled the UI thread.
                Hint.setText(node, text);
            }
        }
    }

    /** A few years would make bars a third of the chart wide: the gap between categories takes the rest. */
    private void fitBarWidth() {
        if (chart == null) {
            return;
        }
        int bars = Math.max(1, viewModel.chartBars().size());
        double perCategory = Math.max(0, chart.getWidth() - 120) / bars;
        chart.setCategoryGap(Math.max(4, perCategory - MAX_BAR_WIDTH));
    }

    // ----- paperwork: receipt and tax year -----

    private void bindPaperwork() {
        Messages messages = paperwork.messages();
        receiptButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(paperwork.busyProperty()));
        Hint.setText(receiptButton, messages.get("paperwork.ui.receipt.tooltip"));
        taxYearButton.disableProperty().bind(paperwork.busyProperty());
        Hint.setText(taxYearButton, messages.get("paperwork.ui.taxYear.tooltip"));
        PaperworkDialogs.bindStatus(paperworkStatusLabel, paperwork);
        paperworkBar.visibleProperty().bind(paperworkStatusLabel.visibleProperty());
        paperworkBar.managedProperty().bind(paperworkBar.visibleProperty());
        DetachWhileHidden.apply(paperworkBar);
        cancelExportButton.visibleProperty().bind(paperwork.exportingProperty());
        cancelExportButton.managedProperty().bind(cancelExportButton.visibleProperty());
    }

    @FXML
    private void saveReceipt() {
        PurchaseRow row = viewModel.selectedProperty().get();
        if (row == null) {
            return;
        }
        Messages messages = paperwork.messages();
        PaperworkDialogs.saveFile(PaperworkDialogs.windowOf(root), messages.get("paperwork.ui.receipt.dialogTitle"),
                paperwork.receiptFileName(row.purchase()), messages.get("paperwork.ui.pdfFiles"), "*.pdf")
                .ifPresent(file -> paperwork.saveReceipt(row.purchase().id(), file));
    }

    @FXML
    private void exportTaxYear() {
        Window owner = PaperworkDialogs.windowOf(root);
        Messages messages = paperwork.messages();
        PaperworkDialogs.taxYear(owner, paperwork, messages).ifPresent(year -> PaperworkDialogs.saveFile(owner,
                        messages.get("paperwork.ui.taxYear.dialogTitle"), paperwork.taxYearFileName(year),
                        messages.get("paperwork.ui.zipFiles"), "*.zip")
                .ifPresent(file -> paperwork.exportTaxYear(year, file)));
    }

    @FXML
    private void cancelTaxYearExport() {
        paperwork.cancelExport();
    }

    // ----- export -----

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(viewModel.exportDialogTitle());
        chooser.setInitialFileName(viewModel.suggestedExportFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(viewModel.exportFileTypeLabel(), "*.csv"));
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }
}
