package com.coursedesk.ui.paperwork;

import com.coursedesk.service.paperwork.TaxYear;
import com.coursedesk.ui.common.Dialogs;
import com.coursedesk.ui.common.Hint;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TablePlaceholder;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Optional;
import java.util.function.Function;

/**
 * The windows of the paperwork: the save dialogs, the tax-year choice and the price history.
 * Each dialog's content is built by its own method so a test can show it without a window.
 */
public final class PaperworkDialogs {

    private static final double TEXT_WIDTH = 460;

    private PaperworkDialogs() {
    }

    /**
     * Asks where to save a file.
     *
     * @param pattern the file type's pattern, e.g. {@code *.pdf}
     */
    public static Optional<Path> saveFile(Window owner, String title, String initialName, String typeLabel,
                                          String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(typeLabel, pattern));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    public static Window windowOf(Node node) {
        return node == null || node.getScene() == null ? null : node.getScene().getWindow();
    }

    // ----- tax year -----

    /** The choice the tax-year dialog shows: a year and its first month. */
    static final class TaxYearChoice {
        final ComboBox<Integer> year = new ComboBox<>();
        final ComboBox<Month> startMonth = new ComboBox<>();
        final Label range = new Label();
        final Node content;

        TaxYearChoice(PaperworkViewModel viewModel, Messages messages) {
            year.setId("taxYearBox");
            year.setItems(viewModel.years());
            year.setMaxWidth(Double.MAX_VALUE);
            year.setVisibleRowCount(12);
            // The last full year is the one usually declared; the newest if there is none before it.
            int last = Year.now(viewModel.zone()).getValue() - 1;
            year.setValue(viewModel.years().contains(last) ? Integer.valueOf(last)
                    : viewModel.years().isEmpty() ? null : viewModel.years().get(0));
            startMonth.setId("startMonthBox");
            startMonth.getItems().setAll(Month.values());
            startMonth.setValue(Month.JANUARY);
            startMonth.setVisibleRowCount(12);
            startMonth.setMaxWidth(Double.MAX_VALUE);
            startMonth.setConverter(new StringConverter<>() {
                @Override
                public String toString(Month month) {
                    if (month == null) {
                        return "";
                    }
                    String name = month.getDisplayName(TextStyle.FULL_STANDALONE, messages.locale());
                    name = name.substring(0, 1).toUpperCase(messages.locale()) + name.substring(1);
                    return month == Month.JANUARY ? messages.get("paperwork.ui.taxYear.calendarYear", name) : name;
                }

                @Override
                public Month fromString(String text) {
                    return null;
                }
            });
            range.setId("rangeLabel");
            range.setWrapText(true);
            range.getStyleClass().add("muted");
            range.setMinHeight(Region.USE_PREF_SIZE);
            Runnable update = () -> range.setText(choice().map(viewModel::taxYearRange)
                    .orElse(messages.get("paperwork.ui.taxYear.noPurchases")));
            year.valueProperty().addListener((obs, old, value) -> update.run());
            startMonth.valueProperty().addListener((obs, old, value) -> update.run());
            viewModel.years().addListener((ListChangeListener<Integer>) change -> {
                if (year.getValue() == null && !viewModel.years().isEmpty()) {
                    year.setValue(viewModel.years().contains(last) ? Integer.valueOf(last) : viewModel.years().get(0));
                }
                update.run();
            });
            update.run();

            Label intro = new Label(messages.get("paperwork.ui.taxYear.intro"));
            intro.setWrapText(true);
            intro.setPrefWidth(TEXT_WIDTH);
            intro.setMinHeight(Region.USE_PREF_SIZE);
            Label yearLabel = new Label(messages.get("paperwork.ui.taxYear.year"));
            yearLabel.setLabelFor(year);
            year.setAccessibleText(yearLabel.getText());
            Label monthLabel = new Label(messages.get("paperwork.ui.taxYear.startMonth"));
            monthLabel.setLabelFor(startMonth);
            startMonth.setAccessibleText(monthLabel.getText());
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(8);
            grid.addRow(0, yearLabel, year);
            grid.addRow(1, monthLabel, startMonth);
            content = new VBox(12, intro, grid, range);
        }

        Optional<TaxYear> choice() {
            if (year.getValue() == null || startMonth.getValue() == null) {
                return Optional.empty();
            }
            return Optional.of(new TaxYear(year.getValue(), startMonth.getValue()));
        }
    }

    /** Asks which tax year to export; the years with purchases are loaded as it opens. */
    public static Optional<TaxYear> taxYear(Window owner, PaperworkViewModel viewModel, Messages messages) {
        viewModel.loadYears();
        TaxYearChoice choice = new TaxYearChoice(viewModel, messages);
        Dialog<ButtonType> dialog = Dialogs.create(owner, messages.get("paperwork.ui.taxYear.title"),
                messages.get("paperwork.ui.taxYear.header"));
        dialog.getDialogPane().setContent(choice.content);
        ButtonType export = new ButtonType(messages.get("paperwork.ui.taxYear.export"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        Button exportButton = (Button) dialog.getDialogPane().lookupButton(export);
        exportButton.setId("exportButton");
        exportButton.disableProperty().bind(choice.year.valueProperty().isNull());
        return dialog.showAndWait().filter(export::equals).flatMap(pressed -> choice.choice());
    }

    // ----- price history -----

    /** The price history's content: the summary, a chart of the amounts and the list. */
    static Node priceHistoryContent(PriceHistoryModel model, Messages messages) {
        Label summary = new Label(model.summary());
        summary.setId("summaryLabel");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        // With no payments the empty list says so; the summary would say it a second time.
        summary.setVisible(!model.rows().isEmpty());
        summary.setManaged(summary.isVisible());
        Label intro = new Label(messages.get("paperwork.ui.priceHistory.intro"));
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        CategoryAxis dates = new CategoryAxis();
        dates.setAnimated(false);
        NumberAxis amounts = new NumberAxis();
        amounts.setAnimated(false);
        // A line over the range paid, not bars from zero: a step from 299 to 319 shows as a step.
        amounts.setForceZeroInRange(false);
        LineChart<String, Number> chart = new LineChart<>(dates, amounts);
        chart.setId("priceChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(model.series().size() > 1);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        for (PriceHistoryModel.Series s : model.series()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (PriceHistoryModel.Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.label(), p.amount()));
            }
            chart.getData().add(series);
        }
        if (model.series().size() == 1) {
            amounts.setLabel(model.series().get(0).name());
        }
        chart.setAccessibleText(model.summary());
        chart.setVisible(!model.rows().isEmpty());
        chart.setManaged(chart.isVisible());

        TableView<PriceHistoryModel.Row> table = new TableView<>();
        table.setId("priceTable");
        table.getItems().setAll(model.rows());
        table.getColumns().add(column(messages.get("paperwork.ui.priceHistory.column.date"),
                PriceHistoryModel.Row::date, 120, false));
        table.getColumns().add(column(messages.get("paperwork.ui.priceHistory.column.amount"),
                PriceHistoryModel.Row::amount, 110, true));
        table.getColumns().add(column(messages.get("paperwork.ui.priceHistory.column.change"),
                PriceHistoryModel.Row::change, 260, false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The header and every row when they are few; beyond that the table scrolls.
        table.setPrefHeight(Math.min(300, 48 + 40 * Math.max(1, model.rows().size())));
        table.setMinHeight(130);
        table.setPlaceholder(TablePlaceholder.of(messages.get("paperwork.ui.priceHistory.empty")));
        table.setAccessibleText(model.title());

        VBox content = new VBox(10, summary, intro, chart, table);
        content.setPrefWidth(560);
        return content;
    }

    private static TableColumn<PriceHistoryModel.Row, PriceHistoryModel.Row> column(
            String title, Function<PriceHistoryModel.Row, String> text, double width, boolean money) {
        TableColumn<PriceHistoryModel.Row, PriceHistoryModel.Row> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            {
                Hint.showWholeText(this);
            }

            @Override
            protected void updateItem(PriceHistoryModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("status-warning", "text-bold", "money", "muted");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(row));
                if (money) {
                    getStyleClass().add("money");
                }
                if (row.marked()) {
                    // A change of price or currency stands out.
                    getStyleClass().addAll("status-warning", "text-bold");
                } else if (row.refunded()) {
                    getStyleClass().add("muted");
                }
            }
        });
        return column;
    }

    /** Shows the price history until the learner closes it. */
    public static void priceHistory(Window owner, PriceHistoryModel model, Messages messages) {
        Dialog<ButtonType> dialog = Dialogs.create(owner, model.title(), model.title());
        dialog.getDialogPane().setContent(priceHistoryContent(model, messages));
        ButtonType close = new ButtonType(messages.get("paperwork.ui.priceHistory.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        dialog.showAndWait();
    }

    /** Binds a status label to the paperwork's last message, in its colour, shown only when there is one. */
    public static void bindStatus(Label label, PaperworkViewModel viewModel) {
        label.textProperty().bind(viewModel.messageProperty());
        label.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        Runnable restyle = () -> {
            label.getStyleClass().removeAll("status-ok", "status-danger", "status-warning", "muted");
            String style = viewModel.messageStyleProperty().get();
            if (style != null && !style.isEmpty()) {
                label.getStyleClass().add(style);
            }
        };
        viewModel.messageStyleProperty().addListener((obs, old, style) -> restyle.run());
        restyle.run();
    }
}
