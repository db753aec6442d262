package dnp.plot;

import dnp.plot.Canvas.Align;
import dnp.plot.Canvas.Baseline;
import dnp.plot.Canvas.Rgb;
import dnp.plot.Canvas.Stroke;
import dnp.plot.Canvas.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out and draws one {@link Plot} on a {@link Canvas}: axes fitted to the data, margins sized to
 * the text, the plot area (reference lines, error bars, lines, markers), the frame with inward
 * ticks on all four sides, the legend in the corner where it covers least, labels and title.
 * Sizes are pixels at 900 × 600 and scale with the image.
 */
final class Renderer {
    private static final Rgb INK = new Rgb(0x000000);
    private static final Rgb SOFT = new Rgb(0x444444);
    private static final Rgb LEGEND_EDGE = new Rgb(0xb0b0b0);

    private final Plot plot;
    private final Canvas c;
    private final int width;
    private final int height;
    /** The scale of every length and font relative to a 900 × 600 figure. */
    private final double s;
    /** The length of a major tick; minor ticks are half as long. */
    private final double majorTick;

    private final TextStyle titleStyle;
    private final TextStyle noteStyle;
    private final TextStyle labelStyle;
    private final TextStyle tickStyle;
    private final TextStyle legendStyle;
    private final TextStyle referenceStyle;

    private Axis xAxis;
    private Axis yAxis;
    private Axis.Ticks xTicks;
    private Axis.Ticks yTicks;
    /** The plot area, in pixels. */
    private double left;
    private double right;
    private double top;
    private double bottom;
    private double titleBaseline;
    private double noteBaseline;

    /** Points in the plot area that data or lines cover; the legend avoids them. */
    private final List<double[]> covered = new ArrayList<>();
    /** Reference-line labels as {x, y, width, height}; the legend avoids them more. */
    private final List<double[]> labelBoxes = new ArrayList<>();

    Renderer(Plot plot, Canvas canvas, int width, int height) {
        this.plot = plot;
        this.c = canvas;
        this.width = width;
        this.height = height;
        this.s = Math.clamp(Math.min(width / 900.0, height / 600.0), 0.6, 4.0);
        majorTick = 6 * s;
        titleStyle = new TextStyle(17 * s, true, INK);
        noteStyle = new TextStyle(12 * s, false, SOFT);
        labelStyle = new TextStyle(15 * s, false, INK);
        tickStyle = new TextStyle(13 * s, false, INK);
        legendStyle = new TextStyle(13 * s, false, INK);
        referenceStyle = new TextStyle(12.5 * s, false, SOFT);
    }

    void draw() {
        c.rect(0, 0, width, height, Rgb.WHITE, null);
        fitAxes();
        layout();
        c.beginClip(left, top, right - left, bottom - top);
        drawReferenceLines();
        for (Plot.Series series : plot.series) {
            drawSeries(series);
        }
        c.endClip();
        drawFrame();
        drawReferenceLabels();
        drawLegend();
        drawTexts();
    }

    /** Fits both axes to the drawable points, their error bars and the reference lines. */
    private void fitAxes() {
        double[] xs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ys = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Plot.Series series : plot.series) {
            for (int i = 0; i < series.x().length; i++) {
                if (Axis.accepts(series.x()[i], plot.logX) && Axis.accepts(series.y()[i], plot.logY)) {
                    include(xs, series.x()[i], plot.logX);
                    include(ys, series.y()[i], plot.logY);
                    double e = error(series, i);
                    if (e > 0) {
                        include(ys, series.y()[i] + e, plot.logY);
                        include(ys, series.y()[i] - e, plot.logY);
                    }
                }
            }
        }
        for (Plot.ReferenceLine line : plot.referenceLines) {
            boolean log = line.vertical() ? plot.logX : plot.logY;
            include(line.vertical() ? xs : ys, line.at(), log);
        }
        xAxis = Axis.fit(xs[0], xs[1], plot.logX);
        yAxis = Axis.fit(ys[0], ys[1], plot.logY);
    }

    /** Widens the range {min, max} to a value an axis (log or not) can show. */
    private static void include(double[] range, double v, boolean log) {
        if (Axis.accepts(v, log)) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }

    /** The half-length of point i's error bar, or 0 where it has none. */
    private static double error(Plot.Series series, int i) {
        if (series.yError() == null) {
            return 0;
        }
        double e = series.yError()[i];
        return Double.isFinite(e) && e > 0 ? e : 0;
    }

    /** Places the title, the plot area and the axis labels, and chooses the ticks. */
    private void layout() {
        double y = 10 * s;
        if (!plot.title.isEmpty()) {
            titleBaseline = y + 0.95 * titleStyle.size();
            y = titleBaseline + 0.35 * titleStyle.size();
        }
        if (!plot.note.isEmpty()) {
            noteBaseline = y + 0.95 * noteStyle.size();
            y = noteBaseline + 0.35 * noteStyle.size();
        }
        top = y + 10 * s;
        bottom = height - 8 * s - tickStyle.size() - 8 * s;
        if (!plot.xLabel.isEmpty()) {
            bottom -= labelStyle.size() + 10 * s;
        }
        bottom = Math.max(bottom, top + 1);

        yTicks = yAxis.ticks(new Axis.Room(bottom - top, 40 * s, 6 * s, label -> tickStyle.size()));
        double widest = 0;
        for (Axis.Tick tick : yTicks.major()) {
            widest = Math.max(widest, TextMetrics.width(tick.label(), tickStyle));
        }
        left = 8 * s + widest + 8 * s;
        if (!plot.yLabel.isEmpty()) {
            left += labelStyle.size() + 12 * s;
        }

        // A label at the right end may stick out of the figure: then narrow the plot area and choose again.
        right = Math.max(width - 20 * s, left + 1);
        xTicks = chooseXTicks();
        double overhang = 0;
        for (Axis.Tick tick : xTicks.major()) {
            overhang = Math.max(overhang,
                    px(tick.value()) + TextMetrics.width(tick.label(), tickStyle) / 2 - (width - 6 * s));
        }
        if (overhang > 0) {
            right = Math.max(right - overhang, left + 1);
            xTicks = chooseXTicks();
        }
    }

    private Axis.Ticks chooseXTicks() {
        return xAxis.ticks(new Axis.Room(right - left, 75 * s, 14 * s, label -> TextMetrics.width(label, tickStyle)));
    }

    private double px(double x) {
        return left + xAxis.fraction(x) * (right - left);
    }

    private double py(double y) {
        return bottom - yAxis.fraction(y) * (bottom - top);
    }

    private void drawReferenceLines() {
        c.beginGroup("reference-lines");
        Stroke dashed = new Stroke(SOFT, 1.2 * s, new double[] {6 * s, 4 * s});
        for (Plot.ReferenceLine line : plot.referenceLines) {
            if (line.vertical() && xAxis.accepts(line.at())) {
                double x = px(line.at());
                c.line(x, top, x, bottom, dashed);
                cover(x, top, x, bottom);
            } else if (!line.vertical() && yAxis.accepts(line.at())) {
                double y = py(line.at());
                c.line(left, y, right, y, dashed);
                cover(left, y, right, y);
            }
        }
        c.endGroup();
    }

    /** Error bars, then the line, then markers, so markers sit on top. */
    private void drawSeries(Plot.Series series) {
        int n = series.x().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        boolean[] drawn = new boolean[n];
        for (int i = 0; i < n; i++) {
            drawn[i] = xAxis.accepts(series.x()[i]) && yAxis.accepts(series.y()[i]);
            if (drawn[i]) {
                xs[i] = px(series.x()[i]);
                ys[i] = py(series.y()[i]);
            }
        }
        c.beginGroup("series");
        if (series.yError() != null) {
            c.beginGroup("error-bars");
            for (int i = 0; i < n; i++) {
                double e = error(series, i);
                if (drawn[i] && e > 0) {
                    drawErrorBar(xs[i], series.y()[i], e, series.color());
                }
            }
            c.endGroup();
        }
        if (series.style().hasLine()) {
            c.beginGroup("line");
            Stroke stroke = Stroke.solid(series.color(), 1.6 * s);
            // Each run of drawn points is one stretch of line; skipped points break it.
            int start = 0;
            while (start < n) {
                if (!drawn[start]) {
                    start++;
                    continue;
                }
                int end = start;
                while (end < n && drawn[end]) {
                    end++;
                }
                if (end - start == 1) {
                    // A point with no drawn neighbour would vanish from a line-only series: dot it.
                    c.circle(xs[start], ys[start], 1.6 * s, series.color(), null);
                } else {
                    double[] runX = Arrays.copyOfRange(xs, start, end);
                    double[] runY = Arrays.copyOfRange(ys, start, end);
                    c.polyline(runX, runY, stroke);
                }
                for (int i = start + 1; i < end; i++) {
                    cover(xs[i - 1], ys[i - 1], xs[i], ys[i]);
                }
                start = end;
            }
            c.endGroup();
        }
        if (series.style().hasMarkers()) {
            c.beginGroup("markers");
            for (int i = 0; i < n; i++) {
                if (drawn[i]) {
                    series.marker().draw(c, xs[i], ys[i], 4 * s, series.color());
                }
            }
            c.endGroup();
        }
        for (int i = 0; i < n; i++) {
            if (drawn[i]) {
                covered.add(new double[] {xs[i], ys[i]});
            }
        }
        c.endGroup();
    }

    /**
     * A vertical bar from y − e to y + e with caps. On a log axis an end at or below zero runs off
     * the bottom of the plot area (where the clip cuts it) and gets no cap.
     */
    private void drawErrorBar(double x, double y, double e, Rgb color) {
        Stroke stroke = Stroke.solid(color, 1.2 * s);
        double cap = 4 * s;
        double upper = py(y + e);
        boolean hasLower = yAxis.accepts(y - e);
        double lower = hasLower ? py(y - e) : bottom + cap;
        c.line(x, lower, x, upper, stroke);
        c.line(x - cap, upper, x + cap, upper, stroke);
        if (hasLower) {
            c.line(x - cap, lower, x + cap, lower, stroke);
        }
        cover(x, lower, x, upper);
    }

    /** The frame, inward major and minor ticks on all four sides, and the tick labels. */
    private void drawFrame() {
        c.beginGroup("axes");
        Stroke stroke = Stroke.solid(INK, 1 * s);
        c.rect(left, top, right - left, bottom - top, null, stroke);
        double minor = majorTick / 2;
        for (Axis.Tick tick : xTicks.major()) {
            xTick(px(tick.value()), majorTick, stroke);
            c.text(tick.label(), px(tick.value()), bottom + 8 * s, tickStyle, Align.MIDDLE, Baseline.TOP, 0);
        }
        for (double v : xTicks.minor()) {
            xTick(px(v), minor, stroke);
        }
        for (Axis.Tick tick : yTicks.major()) {
            yTick(py(tick.value()), majorTick, stroke);
            c.text(tick.label(), left - 8 * s, py(tick.value()), tickStyle, Align.END, Baseline.CENTER, 0);
        }
        for (double v : yTicks.minor()) {
            yTick(py(v), minor, stroke);
        }
        c.endGroup();
    }

    private void xTick(double x, double length, Stroke stroke) {
        c.line(x, bottom, x, bottom - length, stroke);
        c.line(x, top, x, top + length, stroke);
    }

    private void yTick(double y, double length, Stroke stroke) {
        c.line(left, y, left + length, y, stroke);
        c.line(right, y, right - length, y, stroke);
    }

    /**
     * Labels a vertical line at its top, to the right of it (left where there is no room), and a
     * horizontal line at its right end, above it (below where the frame is too close).
     */
    private void drawReferenceLabels() {
        double size = referenceStyle.size();
        for (Plot.ReferenceLine line : plot.referenceLines) {
            Axis axis = line.vertical() ? xAxis : yAxis;
            if (line.label().isEmpty() || !axis.accepts(line.at())) {
                continue;
            }
            double w = TextMetrics.width(line.label(), referenceStyle);
            if (line.vertical()) {
                double x = px(line.at());
                boolean fitsRight = x + 5 * s + w <= right - 4 * s;
                double y = top + majorTick + 6 * s;
                Align align = fitsRight ? Align.START : Align.END;
                double tx = fitsRight ? x + 5 * s : x - 5 * s;
                c.text(line.label(), tx, y, referenceStyle, align, Baseline.TOP, 0);
                labelBoxes.add(new double[] {fitsRight ? tx : tx - w, y, w, size});
            } else {
                double y = py(line.at());
                boolean fitsAbove = y - 5 * s - size >= top + 2 * s;
                double tx = right - 6 * s - majorTick;
                double ty = fitsAbove ? y - 5 * s : y + 5 * s;
                c.text(line.label(), tx, ty, referenceStyle, Align.END,
                        fitsAbove ? Baseline.BASELINE : Baseline.TOP, 0);
                labelBoxes.add(new double[] {tx - w, fitsAbove ? ty - 0.8 * size : ty, w, size});
            }
        }
    }

    /** A framed legend with one row per named series, in the corner of the plot area it covers least. */
    private void drawLegend() {
        List<Plot.Series> entries = plot.series.stream().filter(e -> !e.name().isEmpty()).toList();
        if (entries.isEmpty()) {
            return;
        }
        double pad = 6 * s;
        double sample = 30 * s;
        double gap = 8 * s;
        double row = 1.5 * legendStyle.size();
        double textWidth = 0;
        for (Plot.Series e : entries) {
            textWidth = Math.max(textWidth, TextMetrics.width(e.name(), legendStyle));
        }
        double w = 2 * pad + sample + gap + textWidth;
        double h = 2 * pad + entries.size() * row;
        double inset = 10 * s;
        double[][] corners = {
                {right - inset - w, top + inset}, {left + inset, top + inset},
                {right - inset - w, bottom - inset - h}, {left + inset, bottom - inset - h},
        };
        double[] best = corners[0];
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] corner : corners) {
            double cost = legendCost(corner[0], corner[1], w, h);
            if (cost < bestCost) {
                best = corner;
                bestCost = cost;
            }
        }
        double x = best[0];
        double y = best[1];
        c.beginGroup("legend");
        c.rect(x, y, w, h, Rgb.WHITE, Stroke.solid(LEGEND_EDGE, 1 * s));
        for (int i = 0; i < entries.size(); i++) {
            Plot.Series e = entries.get(i);
            double cy = y + pad + (i + 0.5) * row;
            double x0 = x + pad;
            double cx = x0 + sample / 2;
            if (e.style().hasLine()) {
                c.line(x0, cy, x0 + sample, cy, Stroke.solid(e.color(), 1.6 * s));
            }
            if (e.yError() != null) {
                Stroke stroke = Stroke.solid(e.color(), 1.2 * s);
                double half = 0.4 * row;
                double cap = 4 * s;
                c.line(cx, cy - half, cx, cy + half, stroke);
                c.line(cx - cap, cy - half, cx + cap, cy - half, stroke);
                c.line(cx - cap, cy + half, cx + cap, cy + half, stroke);
            }
            if (e.style().hasMarkers()) {
                e.marker().draw(c, cx, cy, 4 * s, e.color());
            }
            c.text(e.name(), x0 + sample + gap, cy, legendStyle, Align.START, Baseline.CENTER, 0);
        }
        c.endGroup();
    }

    /** How much a legend box there would cover: covered points, and reference labels far more. */
    private double legendCost(double x, double y, double w, double h) {
        double margin = 5 * s;
        double cost = 0;
        for (double[] p : covered) {
            if (p[0] >= x - margin && p[0] <= x + w + margin && p[1] >= y - margin && p[1] <= y + h + margin) {
                cost++;
            }
        }
        for (double[] b : labelBoxes) {
            if (b[0] < x + w && b[0] + b[2] > x && b[1] < y + h && b[1] + b[3] > y) {
                cost += 1000;
            }
        }
        return cost;
    }

    /** Records points every few pixels along a segment as covered. */
    private void cover(double x1, double y1, double x2, double y2) {
        int steps = (int) Math.ceil(Math.hypot(x2 - x1, y2 - y1) / (3 * s));
        for (int k = 0; k <= steps; k++) {
            double t = steps == 0 ? 0 : (double) k / steps;
            covered.add(new double[] {x1 + t * (x2 - x1), y1 + t * (y2 - y1)});
        }
    }

    /** Axis labels, title and note. */
    private void drawTexts() {
        double centre = (left + right) / 2;
        if (!plot.xLabel.isEmpty()) {
            c.text(plot.xLabel, centre, height - 8 * s, labelStyle, Align.MIDDLE, Baseline.BOTTOM, 0);
        }
        if (!plot.yLabel.isEmpty()) {
            c.text(plot.yLabel, 8 * s, (top + bottom) / 2, labelStyle, Align.MIDDLE, Baseline.TOP, -90);
        }
        if (!plot.title.isEmpty()) {
            c.text(plot.title, headingCentre(plot.title, titleStyle), titleBaseline, titleStyle, Align.MIDDLE,
                    Baseline.BASELINE, 0);
        }
        if (!plot.note.isEmpty()) {
            c.text(plot.note, headingCentre(plot.note, noteStyle), noteBaseline, noteStyle, Align.MIDDLE,
                    Baseline.BASELINE, 0);
        }
    }

    /** Centred over the plot area where the text fits there, else over the whole figure. */
    private double headingCentre(String text, TextStyle style) {
        return TextMetrics.width(text, style) <= right - left ? (left + right) / 2 : width / 2.0;
    }
}
