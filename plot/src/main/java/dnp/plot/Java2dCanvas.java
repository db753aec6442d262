package dnp.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.imageio.ImageIO;

/** A {@link Canvas} that draws into an RGB image with antialiasing. */
final class Java2dCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    /** The clip in force before each open {@link #beginClip}. */
    private final Deque<Shape> savedClips = new ArrayDeque<>();
    /** The transform and clip in force before each open {@link #beginTranslate}. */
    private final Deque<AffineTransform> savedTransforms = new ArrayDeque<>();
    private final Deque<Shape> clipsBeforeTranslate = new ArrayDeque<>();

    Java2dCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Fractional metrics make drawn text as wide as TextMetrics measured it.
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Finishes drawing and returns the picture as PNG bytes. */
    byte[] finishPng() {
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        draw(new Line2D.Double(x1, y1, x2, y2), stroke);
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        draw(path(xs, ys, false), stroke);
    }

    @Override
    public void polygon(double[] xs, double[] ys, Rgb fill, Stroke stroke) {
        Path2D shape = path(xs, ys, true);
        fill(shape, fill);
        draw(shape, stroke);
    }

    @Override
    public void rect(double x, double y, double width, double height, Rgb fill, Stroke stroke) {
        Rectangle2D shape = new Rectangle2D.Double(x, y, width, height);
        fill(shape, fill);
        draw(shape, stroke);
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, Stroke stroke) {
        Ellipse2D shape = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        fill(shape, fill);
        draw(shape, stroke);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Align align, Baseline baseline,
                     double rotation) {
        if (text.isEmpty()) {
            return;
        }
        double width = TextMetrics.width(text, style);
        double dx = switch (align) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.toRadians(rotation));
        g.setFont(TextMetrics.font(style));
        g.setColor(color(style.color()));
        g.drawString(text, (float) dx, (float) (baseline.shift * style.size()));
        g.setTransform(saved);
    }

    @Override
    public void beginGroup(String name) {
        // Groups only structure the SVG; a raster has nothing to record.
    }

    @Override
    public void endGroup() {
        // See beginGroup.
    }

    @Override
    public void beginTranslate(double dx, double dy) {
        savedTransforms.push(g.getTransform());
        Shape clip = g.getClip();
        clipsBeforeTranslate.push(clip == null ? new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()) : clip);
        g.translate(dx, dy);
    }

    @Override
    public void endTranslate() {
        g.setTransform(savedTransforms.pop());
        g.setClip(clipsBeforeTranslate.pop());
    }

    @Override
    public void beginClip(double x, double y, double width, double height) {
        Shape current = g.getClip();
        savedClips.push(current == null ? new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()) : current);
        g.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void endClip() {
        g.setClip(savedClips.pop());
    }

    private void fill(Shape shape, Rgb fill) {
        if (fill != null) {
            g.setColor(color(fill));
            g.fill(shape);
        }
    }

    private void draw(Shape shape, Stroke stroke) {
        if (stroke != null) {
            float[] dash = null;
            if (stroke.dash() != null) {
                dash = new float[stroke.dash().length];
                for (int i = 0; i < dash.length; i++) {
                    dash[i] = (float) stroke.dash()[i];
                }
            }
            g.setStroke(new BasicStroke((float) stroke.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                    10f, dash, 0f));
            g.setColor(color(stroke.color()));
            g.draw(shape);
        }
    }

    private static Path2D path(double[] xs, double[] ys, boolean closed) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (closed) {
            p.closePath();
        }
        return p;
    }

    private static Color color(Rgb rgb) {
        return new Color(rgb.rgb());
    }
}
