package dnp.plot;

/** The marker shapes series cycle through, so series stay apart without colour. */
enum Marker {
    CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN;

    /**
     * Draws the filled marker centred at (x, y); {@code size} is the radius of a circle, and the
     * other shapes are scaled to look about as heavy.
     */
    void draw(Canvas c, double x, double y, double size, Canvas.Rgb color) {
        switch (this) {
            case CIRCLE -> c.circle(x, y, size, color, null);
            case SQUARE -> {
                double h = 0.9 * size;
                c.polygon(new double[] {x - h, x + h, x + h, x - h}, new double[] {y - h, y - h, y + h, y + h},
                        color, null);
            }
            case TRIANGLE_UP -> triangle(c, x, y, 1.3 * size, -1, color);
            case TRIANGLE_DOWN -> triangle(c, x, y, 1.3 * size, 1, color);
            case DIAMOND -> {
                double r = 1.25 * size;
                c.polygon(new double[] {x, x + 0.8 * r, x, x - 0.8 * r}, new double[] {y - r, y, y + r, y},
                        color, null);
            }
        }
    }

    /** An equilateral triangle with circumradius r whose apex points up (direction -1) or down (+1). */
    private static void triangle(Canvas c, double x, double y, double r, int direction, Canvas.Rgb color) {
        double half = r * Math.sqrt(3) / 2;
        // Shift by a quarter radius so that the bounding box, not the centroid, is centred on the point.
        double cy = y - direction * r / 4;
        c.polygon(new double[] {x, x + half, x - half},
                new double[] {cy + direction * r, cy - direction * r / 2, cy - direction * r / 2}, color, null);
    }
}
