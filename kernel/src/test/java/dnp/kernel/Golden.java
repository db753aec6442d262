package dnp.kernel;

import dnp.kernel.io.Json;
import dnp.kernel.model.Disorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The L = 5 values in the test resources ({@code golden/}), computed by an independent implementation
 * (numpy/scipy, LAPACK dsyevd) with energy differences taken between eigenvalues; see
 * {@code golden/README.md} beside them.
 */
public final class Golden {
    private Golden() {}

    /** Every golden entry must agree to this relative error, with no exceptions. */
    public static final double RELATIVE_TOLERANCE = 1e-11;

    private static String resource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource golden/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static Disorder disorder() {
        double[] values = resource("L5-disorder.txt").lines().map(String::strip).filter(l -> !l.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
        if (values.length != 125) {
            throw new IllegalStateException("golden/L5-disorder.txt has " + values.length + " values, expected 125");
        }
        return Disorder.of(values, 108.0, "golden/L5-disorder.txt");
    }

    public static List<Map<String, Object>> cases() {
        return Json.array(Json.parse(resource("L5-expected.json"))).stream().map(Json::object).toList();
    }
}
