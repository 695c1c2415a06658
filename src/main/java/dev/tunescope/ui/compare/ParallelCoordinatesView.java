package dev.tunescope.ui.compare;

import dev.tunescope.diagnose.Text;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The parallel coordinates: an axis per varying numeric hyperparameter and a last best-loss axis, a line per run
 * coloured by its best loss, unstable trials dashed in red. Hovering names a run and its values; clicking selects
 * it (selected runs are drawn thicker).
 */
public final class ParallelCoordinatesView extends VBox {
    private final RunsComparisonModel model;
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label(" ");
    private ParallelCoordinatesModel.Plot plot = ParallelCoordinatesModel.Plot.EMPTY;
    private int hovered = -1;

    public ParallelCoordinatesView(RunsComparisonModel model) {
        this.model = model;
        setId("parallel-coordinates-pane");
        canvas.setId("parallel-coordinates");
        hover.setId("parallel-hover");
        Label legend = new Label("Line colour: best loss, dark blue lowest to yellow highest. Red dashed: unstable"
                + " trials (the diagnosis' verdict). Axes: the numeric settings that vary; log scale where they span"
                + " over a decade.");
        legend.setId("parallel-legend");
        legend.setWrapText(true);
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((obs, old, now) -> draw());
        canvas.heightProperty().addListener((obs, old, now) -> draw());
        VBox.setVgrow(holder, Priority.ALWAYS);
        getChildren().addAll(hover, holder, legend);
        setSpacing(2);
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hoverAt(-100, -100));
        canvas.setOnMouseClicked(e -> plotLayout().hit(e.getX(), e.getY())
                .ifPresent(i -> model.select(List.of(plot.rows().get(i).run()))));
        model.tableProperty().addListener((obs, old, now) -> show(now));
        model.onSelectionChange(this::draw);
        show(model.tableProperty().get());
    }

    /** The layout of what is drawn now (tests click on the point it gives for a run). */
    public ParallelLayout plotLayout() {
        return new ParallelLayout(plot, canvas.getWidth(), canvas.getHeight());
    }

    private void show(RunsTableModel.Table table) {
        plot = ParallelCoordinatesModel.plot(table);
        hovered = -1;
        draw();
    }

    private void hoverAt(double x, double y) {
        OptionalInt hit = plotLayout().hit(x, y);
        int now = hit.orElse(-1);
        if (now != hovered) {
            hovered = now;
            hover.setText(now < 0 ? " " : plot.describe(plot.rows().get(now)));
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (plot.axes().isEmpty()) {
            return;
        }
        ParallelLayout layout = plotLayout();
        Set<String> selected = model.selectedPaths();
        for (int pass = 0; pass < 3; pass++) { // others, then the selected runs, then the hovered one on top
            for (int r = 0; r < plot.rows().size(); r++) {
                RunRow row = plot.rows().get(r);
                int wanted = r == hovered ? 2 : selected.contains(row.run().path()) ? 1 : 0;
                if (wanted == pass) {
                    line(g, layout, row, pass);
                }
            }
        }
        axes(g, layout);
    }

    private void line(GraphicsContext g, ParallelLayout layout, RunRow row, int emphasis) {
        List<ParallelLayout.Point> points = layout.line(row);
        int rgb = row.unstable() ? LossRamp.UNSTABLE
                : LossRamp.colour(plot.lossAxis().fraction(row.bestLoss()));
        g.setStroke(Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, emphasis == 0 ? 0.75 : 1));
        g.setLineWidth(emphasis == 0 ? 1.2 : 2.8);
        g.setLineDashes(row.unstable() ? new double[] {6, 4} : null);
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            if (i == 0) {
                g.moveTo(points.get(i).x(), points.get(i).y());
            } else {
                g.lineTo(points.get(i).x(), points.get(i).y());
            }
        }
        g.stroke();
        g.setLineDashes(null);
    }

    private void axes(GraphicsContext g, ParallelLayout layout) {
        Color ink = Color.gray(0.5);
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < plot.axes().size(); i++) {
            ParallelAxis axis = plot.axes().get(i);
            double x = layout.x(i);
            g.strokeLine(x, layout.top(), x, layout.bottom());
            // titles of neighbouring axes alternate between two heights, so long names do not overlap
            g.fillText(axis.title() + (axis.log() ? " (log)" : ""), x, layout.top() - (i % 2 == 0 ? 16 : 30));
            if (axis.hasValues()) {
                g.fillText(Text.number(axis.max()), x, layout.top() - 2);
                g.fillText(Text.number(axis.min()), x, layout.bottom() + 14);
            }
        }
    }
}
