package dnp.analysis;

import dnp.sweep.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain CSV (header row, comma-separated, numbers in Java's round-trip form, NaN for missing): pandas reads it as is. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, header " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (Object v : values) {
            row.add(format(v));
        }
        rows.add(row);
        return this;
    }

    public static String format(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : Double.toString(d);
        }
        if (v instanceof String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
        return String.valueOf(v).toLowerCase(Locale.ROOT);
    }

    public String text() {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, text());
    }

    public int size() {
        return rows.size();
    }
}
