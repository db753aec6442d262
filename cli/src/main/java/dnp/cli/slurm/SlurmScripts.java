package dnp.cli.slurm;

import dnp.sweep.AtomicFiles;
import dnp.sweep.UserInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLURM scripts of a sharded sweep, rendered from the templates {@code sweep.sbatch},
 * {@code merge.sbatch} and {@code submit.sh} beside this class: a job array with one task per shard,
 * a merge job that summarizes once every task succeeded, and a script that submits both.
 * Placeholders are {@code {{name}}}; rendering fails if one is left without a value.
 *
 * @param out         the sweep folder (absolute)
 * @param shards      array tasks
 * @param cpus        cores per task
 * @param megabytes   memory per task
 * @param heapMegabytes Java heap per task (-Xmx, through JAVA_TOOL_OPTIONS), or 0 for the JVM's default
 *                    (the KPM route keeps its arrays in the heap, the dense route off the heap)
 * @param time        time limit per task, D-HH:MM:SS
 * @param parallel    realizations at once in a task
 * @param blasThreads BLAS threads per realization
 * @param dnp         how a job starts dnp (already shell-quoted)
 * @param sweepArguments the sweep's parameters as command-line arguments
 * @param partition   SLURM partition or null
 * @param account     SLURM account or null
 */
public record SlurmScripts(Path out, int shards, int cpus, long megabytes, long heapMegabytes, String time,
                           int parallel, int blasThreads, String dnp, List<String> sweepArguments, String partition,
                           String account) {

    /** Refuses a folder, partition or account that the scripts could not carry (see {@link #refuseUncarriable}). */
    public SlurmScripts {
        check(out, partition, account);
    }

    /** Refuses, before any work, a folder, partition or account the scripts could not carry. */
    public static void check(Path out, String partition, String account) {
        refuseUncarriable("--out", out.toString());
        refuseUncarriable("--partition", partition);
        refuseUncarriable("--account", account);
    }

    /** With the JVM's default heap. */
    public SlurmScripts(Path out, int shards, int cpus, long megabytes, String time, int parallel, int blasThreads,
                        String dnp, List<String> sweepArguments, String partition, String account) {
        this(out, shards, cpus, megabytes, 0, time, parallel, blasThreads, dnp, sweepArguments, partition, account);
    }

    /** Characters neither bash nor sbatch's reading of #SBATCH lines treats specially: such words go unquoted. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:,=+@%-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    /** The scripts, in the order they are written and printed. */
    public static final List<String> FILES = List.of("sweep.sbatch", "merge.sbatch", "submit.sh");

    public Path folder() {
        return out.resolve("slurm");
    }

    /** File name → script text. */
    public Map<String, String> render() {
        Path logs = folder().resolve("logs");
        StringBuilder extra = new StringBuilder();
        if (partition != null) {
            extra.append("#SBATCH --partition=").append(directive(partition)).append('\n');
        }
        if (account != null) {
            extra.append("#SBATCH --account=").append(directive(account)).append('\n');
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cpus", String.valueOf(cpus));
        values.put("megabytes", String.valueOf(megabytes));
        // JAVA_TOOL_OPTIONS reaches the JVM whether the job starts the dnp script or java itself.
        values.put("environment", heapMegabytes > 0 ? "export JAVA_TOOL_OPTIONS=\"-Xmx" + heapMegabytes
                + "m ${JAVA_TOOL_OPTIONS:-}\"\n" : "");
        values.put("time", time);
        values.put("extraDirectives", extra.toString());
        values.put("lastTask", String.valueOf(shards - 1));
        // SLURM expands %-symbols in --output itself: %A_%a are its own; a % of the path is written %%.
        values.put("sweepOutput", directive(logs.toString().replace("%", "%%") + "/sweep-%A_%a.out"));
        values.put("mergeOutput", directive(logs.toString().replace("%", "%%") + "/merge-%j.out"));
        values.put("out", out.toString());
        values.put("outQuoted", quote(out.toString()));
        values.put("summaryQuoted", quote(out.resolve("summary").toString()));
        values.put("slurmQuoted", quote(folder().toString()));
        values.put("dnp", dnp);
        values.put("sweepArguments", quote(sweepArguments));
        values.put("parallel", String.valueOf(parallel));
        values.put("blasThreads", String.valueOf(blasThreads));
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : FILES) {
            scripts.put(name, fill(template(name), values));
        }
        return scripts;
    }

    /** Writes the scripts (executable) and the logs folder. */
    public void write() throws IOException {
        Files.createDirectories(folder().resolve("logs"));
        for (Map.Entry<String, String> e : render().entrySet()) {
            Path file = folder().resolve(e.getKey());
            AtomicFiles.write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("SLURM template placeholder {{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String template(String name) {
        try (InputStream in = SlurmScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SLURM template " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A value of an {@code #SBATCH} line as sbatch reads it back: sbatch splits a directive line at
     * white space, ends it at an unquoted {@code #}, groups '…' and "…" and takes the character after a
     * backslash literally (src/sbatch/opt.c, {@code _get_argument}); a shell never reads these lines. So
     * the value goes in double quotes with {@code \} and {@code "} escaped.
     */
    public static String directive(String value) {
        if (BARE.matcher(value).matches()) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Refuses what a SLURM script cannot carry: a control character (a newline would end a directive
     * and start a command), and for paths a backslash (in --output it makes sbatch take the whole pattern
     * literally, %A_%a included).
     */
    static void refuseUncarriable(String option, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UserInputException(option + " " + quote(value.replace("\n", "\\n").replace("\r", "\\r"))
                        + ": contains a control character (a newline or tab), which a SLURM script cannot carry; "
                        + "choose a name without one");
            }
            if (c == '\\' && option.equals("--out")) {
                throw new UserInputException(option + " " + quote(value) + ": contains a backslash, which makes "
                        + "SLURM take a log file name literally (no %A_%a); choose a folder without one");
            }
        }
    }

    public static String quote(List<String> words) {
        return String.join(" ", words.stream().map(SlurmScripts::quote).toList());
    }

    /** A word as the shell reads it back: bare when safe, else in single quotes. */
    public static String quote(String word) {
        return BARE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
