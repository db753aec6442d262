package dnp.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text widths for layout, from the same sans-serif font the raster output draws with, measured
 * with antialiasing and fractional metrics as {@link Java2dCanvas} renders. The SVG output uses the
 * same widths, so both formats get the same layout. Callers must have set {@code java.awt.headless}
 * (see {@link Plot}) before the first use.
 */
final class TextMetrics {
    private TextMetrics() {}

    /** The font family an SVG viewer should use: DejaVu Sans (Java's usual sans-serif) or a look-alike. */
    static final String SVG_FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";

    static final FontRenderContext RENDER_CONTEXT = new FontRenderContext(null, true, true);

    private static final Map<Canvas.TextStyle, Font> FONTS = new ConcurrentHashMap<>();

    /** The AWT font for a text style (colour aside). */
    static Font font(Canvas.TextStyle style) {
        return FONTS.computeIfAbsent(style, s ->
                new Font(Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) s.size()));
    }

    /** The advance width of the text, in pixels. */
    static double width(String text, Canvas.TextStyle style) {
        return text.isEmpty() ? 0 : font(style).getStringBounds(text, RENDER_CONTEXT).getWidth();
    }
}
