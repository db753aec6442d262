package dnp.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class PlotTest {
    private static final double[] T = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};

    private static Plot polarization() {
        double[] anderson = {0.05, 0.08, 0.15, 0.3, 0.5, 0.7, 0.8};
        double[] goe = {0.06, 0.1, 0.2, 0.35, 0.55, 0.72, 0.85};
        double[] error = {0.01, 0.02, 0.02, 0.03, 0.03, 0.02, 0.01};
        return new Plot("Nuclear polarization ⟨P_n⟩", "hopping t (2π·MHz)", "P_n")
                .logX(true)
                .note("convention: si")
                .series("Anderson", T, anderson, error, Plot.Style.LINE_MARKERS)
                .series("GOE", T, goe, error, Plot.Style.MARKERS)
                .series("ω_n = 1", T, goe.clone(), null, Plot.Style.LINE)
                .verticalLine(0.4, "t_c")
                .horizontalLine(0.386, "Poisson 0.386");
    }

    @Test
    void svgIsWellFormedAndCarriesTheTexts() throws Exception {
        Document svg = parse(polarization().toSvg(900, 600));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals("0 0 900 600", svg.getDocumentElement().getAttribute("viewBox"));
        List<String> texts = texts(svg.getDocumentElement());
        for (String expected : List.of("Nuclear polarization ⟨P_n⟩", "hopping t (2π·MHz)", "P_n",
                "convention: si", "Anderson", "GOE", "ω_n = 1", "t_c", "Poisson 0.386")) {
            assertTrue(texts.contains(expected), () -> expected + " missing from " + texts);
        }
    }

    @Test
    void svgHasOneGroupPerSeriesWithLinesMarkersAndErrorBars() throws Exception {
        List<Element> series = groups(parse(polarization().toSvg(900, 600)).getDocumentElement(), "series");
        assertEquals(3, series.size());
        // Anderson: one unbroken line, a marker and an error bar (stem and two caps) per point.
        assertEquals(1, children(series.get(0), "line").size());
        assertEquals(T.length, children(series.get(0), "markers").size());
        assertEquals(3 * T.length, children(series.get(0), "error-bars").size());
        // GOE: markers only.
        assertTrue(groups(series.get(1), "line").isEmpty());
        assertEquals(T.length, children(series.get(1), "markers").size());
        // The third series: a line alone.
        assertEquals(1, children(series.get(2), "line").size());
        assertTrue(groups(series.get(2), "markers").isEmpty());
        assertTrue(groups(series.get(2), "error-bars").isEmpty());
    }

    @Test
    void textIsEscapedInSvg() throws Exception {
        Plot plot = new Plot("a < b & \"c\"", "x", "y").series("<tag>", new double[] {1, 2}, new double[] {1, 2},
                null, Plot.Style.LINE);
        List<String> texts = texts(parse(plot.toSvg(400, 300)).getDocumentElement());
        assertTrue(texts.contains("a < b & \"c\""));
        assertTrue(texts.contains("<tag>"));
    }

    @Test
    void nanAndInfinitePointsAreSkippedAndBreakTheLine() throws Exception {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1, 2, Double.NaN, 4, 5, 6};
        double[] error = {0.1, Double.NaN, 0.1, 0.1, 0.1, 0.1};
        x[4] = Double.POSITIVE_INFINITY;
        Plot plot = new Plot("NaN", "x", "y").series("s", x, y, error, Plot.Style.LINE_MARKERS);
        Element series = groups(parse(plot.toSvg(600, 400)).getDocumentElement(), "series").getFirst();
        // Points 0-1, then 3 alone (dotted), then 5 alone: three pieces.
        List<Element> pieces = children(series, "line");
        assertEquals(List.of("path", "circle", "circle"), pieces.stream().map(Element::getLocalName).toList());
        assertEquals(4, children(series, "markers").size());
        // Point 1 has a NaN error: bars at points 0, 3 and 5 only.
        assertEquals(3 * 3, children(series, "error-bars").size());
    }

    @Test
    void logAxisSkipsPointsAtOrBelowZero() throws Exception {
        Plot plot = new Plot("log", "x", "y").logX(true)
                .series("s", new double[] {-1, 0, 1, 10}, new double[] {1, 2, 3, 4}, null, Plot.Style.MARKERS);
        Element series = groups(parse(plot.toSvg(600, 400)).getDocumentElement(), "series").getFirst();
        assertEquals(2, children(series, "markers").size());
    }

    @Test
    void errorBarReachingZeroOnLogAxisLosesItsLowerCap() throws Exception {
        Plot plot = new Plot("log y", "x", "y").logY(true)
                .series("s", new double[] {1, 2}, new double[] {1, 10}, new double[] {2, 1}, Plot.Style.MARKERS);
        Element series = groups(parse(plot.toSvg(600, 400)).getDocumentElement(), "series").getFirst();
        assertEquals(2 + 3, children(series, "error-bars").size());
    }

    @Test
    void logAxisTicksAreLabelledDecades() throws Exception {
        List<String> texts = texts(parse(polarization().toSvg(900, 600)).getDocumentElement());
        for (String decade : List.of("10⁻²", "10⁻¹", "10⁰", "10¹")) {
            assertTrue(texts.contains(decade), () -> decade + " missing from " + texts);
        }
    }

    @Test
    void singlePointSeriesRenders() throws Exception {
        for (Plot.Style style : Plot.Style.values()) {
            Plot plot = new Plot("one point", "x", "y")
                    .series("only", new double[] {3}, new double[] {0.5}, new double[] {0.1}, style);
            Element series = groups(parse(plot.toSvg(600, 400)).getDocumentElement(), "series").getFirst();
            assertEquals(3, children(series, "error-bars").size());
            assertEquals(1, children(series, style.hasMarkers() ? "markers" : "line").size());
            assertTrue(distinctColours(decode(plot.toPng(600, 400), 600, 400)) > 3);
        }
    }

    @Test
    void emptyPlotRenders() throws Exception {
        Plot plot = new Plot(null, null, null).logX(true).logY(true);
        parse(plot.toSvg(300, 200));
        decode(plot.toPng(300, 200), 300, 200);
    }

    @Test
    void pngDecodesAtTheRequestedSizeWithTheSeriesColours() throws Exception {
        BufferedImage image = decode(polarization().toPng(640, 480), 640, 480);
        assertTrue(distinctColours(image) > 10);
        Set<Integer> colours = colours(image);
        assertTrue(colours.contains(0x0072b2), "first series colour");
        assertTrue(colours.contains(0xd55e00), "second series colour");
        assertTrue(colours.contains(0x009e73), "third series colour");
    }

    @Test
    void writeCreatesSvgAndPng(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("figures").resolve("polarization");
        polarization().write(base);
        Path svg = dir.resolve("figures/polarization.svg");
        Path png = dir.resolve("figures/polarization.png");
        parse(Files.readString(svg));
        decode(Files.readAllBytes(png), 900, 600);
        try (var files = Files.list(dir.resolve("figures"))) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    private static Plot correlator() {
        return new Plot("Correlator C(ω_n)", "hopping t (2π·MHz)", "C").logX(true)
                .series("L = 24 (KPM)", T, new double[]{1, 2, 4, 3, 2, 1.5, 1.2}, null, Plot.Style.LINE_MARKERS);
    }

    @Test
    void rowDrawsEachPanelAsItsOwnPlotSideBySide() throws Exception {
        // The translation is a whole number of pixels, so each half is pixel for pixel the panel alone.
        BufferedImage row = decode(Plot.toPngRow(List.of(polarization(), correlator()), 400, 300), 800, 300);
        BufferedImage left = decode(polarization().toPng(400, 300), 400, 300);
        BufferedImage right = decode(correlator().toPng(400, 300), 400, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                assertEquals(left.getRGB(x, y), row.getRGB(x, y), "left panel at " + x + "," + y);
                assertEquals(right.getRGB(x, y), row.getRGB(400 + x, y), "right panel at " + x + "," + y);
            }
        }
        Document svg = parse(Plot.toSvgRow(List.of(polarization(), correlator()), 900, 600));
        assertEquals("0 0 1800 600", svg.getDocumentElement().getAttribute("viewBox"));
        List<String> texts = texts(svg.getDocumentElement());
        for (String expected : List.of("Nuclear polarization ⟨P_n⟩", "Correlator C(ω_n)", "L = 24 (KPM)", "t_c")) {
            assertTrue(texts.contains(expected), () -> expected + " missing from " + texts);
        }
        assertEquals(4, groups(svg.getDocumentElement(), "series").size());
        assertThrows(IllegalArgumentException.class, () -> Plot.toSvgRow(List.of(), 900, 600));
    }

    @Test
    void writeRowCreatesOneWideSvgAndPng(@TempDir Path dir) throws Exception {
        Plot.writeRow(dir.resolve("sizes"), List.of(polarization(), correlator()));
        parse(Files.readString(dir.resolve("sizes.svg")));
        decode(Files.readAllBytes(dir.resolve("sizes.png")), 1800, 600);
    }

    @Test
    void rejectsMismatchedArraysAndBadSizes() {
        Plot plot = new Plot("t", "x", "y");
        assertThrows(IllegalArgumentException.class,
                () -> plot.series("s", new double[2], new double[3], null, Plot.Style.LINE));
        assertThrows(IllegalArgumentException.class,
                () -> plot.series("s", new double[2], new double[2], new double[1], Plot.Style.LINE));
        assertThrows(IllegalArgumentException.class, () -> plot.toSvg(0, 100));
        assertThrows(IllegalArgumentException.class, () -> plot.toPng(100, -1));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Element root) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The {@code <g class="...">} elements under root. */
    private static List<Element> groups(Element root, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element g = (Element) nodes.item(i);
            if (g.getAttribute("class").equals(name)) {
                found.add(g);
            }
        }
        return found;
    }

    /** The elements directly inside the one group of that name under root. */
    private static List<Element> children(Element root, String group) {
        List<Element> groups = groups(root, group);
        assertEquals(1, groups.size(), group);
        List<Element> found = new ArrayList<>();
        for (Node n = groups.getFirst().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    private static BufferedImage decode(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        return image;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }

    private static int distinctColours(BufferedImage image) {
        return colours(image).size();
    }
}
