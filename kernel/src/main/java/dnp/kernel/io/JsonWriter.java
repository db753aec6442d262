package dnp.kernel.io;

import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON values: {@link Map} (insertion order kept), {@link Collection}, arrays of double,
 * int, long and Object, numbers, strings, booleans, null. Non-finite doubles become {@code null}
 * (JSON has no NaN); {@link Json#number} reads them back as NaN.
 */
public final class JsonWriter {
    private JsonWriter() {}

    /** One line, no spaces: one record per line in JSON Lines files. */
    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    /** Indented by two spaces, for documents read by people. */
    public static String pretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 2, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, int indent, int depth) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> number(sb, d);
            case Float f -> number(sb, f.doubleValue());
            case Number n -> sb.append(n.longValue());
            case Enum<?> e -> string(sb, e.name().toLowerCase(java.util.Locale.ROOT));
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent, depth + 1);
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(indent >= 0 ? ": " : ":");
                    write(sb, e.getValue(), indent, depth + 1);
                }
                if (!m.isEmpty()) {
                    newline(sb, indent, depth);
                }
                sb.append('}');
            }
            case Collection<?> c -> array(sb, c.toArray(), indent, depth);
            case double[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        sb.append(indent >= 0 ? ", " : ",");
                    }
                    number(sb, a[i]);
                }
                sb.append(']');
            }
            case int[] a -> sb.append(java.util.Arrays.toString(a).replace(" ", indent >= 0 ? " " : ""));
            case long[] a -> sb.append(java.util.Arrays.toString(a).replace(" ", indent >= 0 ? " " : ""));
            case Object[] a -> array(sb, a, indent, depth);
            default -> string(sb, value.toString());
        }
    }

    private static void array(StringBuilder sb, Object[] items, int indent, int depth) {
        sb.append('[');
        boolean nested = items.length > 0 && (items[0] instanceof Map || items[0] instanceof double[]
                || items[0] instanceof Collection);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (nested) {
                newline(sb, indent, depth + 1);
            } else if (i > 0 && indent >= 0) {
                sb.append(' ');
            }
            write(sb, items[i], indent, depth + 1);
        }
        if (nested) {
            newline(sb, indent, depth);
        }
        sb.append(']');
    }

    private static void number(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d); // shortest repr that round-trips (Double.toString)
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
