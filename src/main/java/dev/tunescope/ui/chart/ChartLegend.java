package dev.tunescope.ui.chart;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The legend of a line chart as wrapping rows under the toolbar (a canvas legend in one row named 5 of 7 runs),
 * scrolling when there are very many. A click hides or shows a run, an alt-click shows that run alone (again: all;
 * not a double click, which two quick clicks to hide and show again would trigger), hovering an entry
 * highlights its curve.
 */
public final class ChartLegend extends ScrollPane {
    static final String HINT = "Click: hide or show this run.  Alt-click: show only this run (again: show all).";
    private final FlowPane entries = new FlowPane(12, 2);
    private final LineChartCanvas chart;

    public ChartLegend(LineChartCanvas chart) {
        this.chart = chart;
        chart.legendOnCanvasProperty().set(false);
        entries.setPadding(new Insets(2, 6, 2, 6));
        setContent(entries);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setMaxHeight(MAX_HEIGHT);
        // the chart gives way when space is short, not the legend (a VBox shrinks every child towards its minimum)
        setMinHeight(USE_PREF_SIZE);
        // the rows the entries wrap into depend on the width: a new width lays the legend out again
        widthProperty().addListener((obs, was, is) -> requestLayout());
        getStyleClass().add("chart-legend");
        chart.seriesProperty().addListener((obs, was, is) -> show(is));
        chart.hidden().addListener((javafx.collections.SetChangeListener<String>) change -> show(chart.getSeries()));
        show(chart.getSeries());
    }

    /** About four rows, then it scrolls rather than squeezing the chart. */
    private static final double MAX_HEIGHT = 84;

    /** As tall as the rows its entries wrap into at its width (a scroll pane alone would keep one row). */
    @Override
    protected double computePrefHeight(double width) {
        double inside = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
        double rows = entries.prefHeight(inside > 0 ? inside : -1);
        return Math.min(MAX_HEIGHT, rows + snappedTopInset() + snappedBottomInset());
    }

    private void show(List<NamedSeries> series) {
        entries.getChildren().setAll(series.stream().map(this::entry).toList());
    }

    private Label entry(NamedSeries series) {
        boolean off = chart.hidden().contains(series.name());
        Rectangle swatch = new Rectangle(14, 4, off ? Color.TRANSPARENT : LineChartRenderer.color(series));
        swatch.setStroke(LineChartRenderer.color(series));
        Label label = new Label(series.name(), swatch);
        label.setOpacity(off ? 0.5 : 1);
        label.setTooltip(new Tooltip(HINT));
        label.getStyleClass().add("legend-entry");
        label.setUserData(series.name());
        label.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onClick(series.name(), e));
        label.setOnMouseEntered(e -> chart.highlightedProperty().set(series.name()));
        label.setOnMouseExited(e -> chart.highlightedProperty().set(null));
        return label;
    }

    private void onClick(String name, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.isAltDown()) {
            solo(name);
        } else {
            toggle(name);
        }
    }

    /** Hides a shown run, shows a hidden one. */
    public void toggle(String name) {
        if (!chart.hidden().remove(name)) {
            chart.hidden().add(name);
        }
    }

    /** Shows only this run; if it was already alone, shows all again. */
    public void solo(String name) {
        List<String> others = chart.getSeries().stream().map(NamedSeries::name).filter(n -> !n.equals(name)).toList();
        boolean alone = !chart.hidden().contains(name) && chart.hidden().containsAll(others);
        chart.hidden().clear();
        if (!alone) {
            chart.hidden().addAll(others);
        }
    }
}
