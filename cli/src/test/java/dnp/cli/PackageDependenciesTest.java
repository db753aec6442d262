package dnp.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of the README's layout, checked on the sources of every module: each package uses only
 * the packages its package-info.java allows, and no two packages depend on each other in a cycle.
 */
class PackageDependenciesTest {
    static final Path ROOT = Path.of("..");

    /** Package → the packages (and their sub-packages when ending in ".*") it may use. */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("dnp.nativebindings.lapacke", List.of()),
            Map.entry("dnp.nativebindings", List.of("dnp.nativebindings.lapacke")),
            Map.entry("dnp.kernel.vector", List.of()),
            Map.entry("dnp.kernel.eigen", List.of("dnp.nativebindings")),
            Map.entry("dnp.kernel.model", List.of("dnp.kernel.eigen")),
            Map.entry("dnp.kernel.result", List.of("dnp.kernel.model")),
            Map.entry("dnp.kernel.physics", List.of("dnp.kernel.eigen", "dnp.kernel.model", "dnp.kernel.result",
                    "dnp.kernel.vector", "dnp.nativebindings")),
            Map.entry("dnp.kernel", List.of("dnp.kernel.*")),
            Map.entry("dnp.reference", List.of("dnp.kernel.*")),
            Map.entry("dnp.kpm", List.of("dnp.kernel.*", "dnp.nativebindings")),
            Map.entry("dnp.sweep.records", List.of()),
            Map.entry("dnp.sweep", List.of("dnp.kernel.*", "dnp.reference", "dnp.kpm", "dnp.nativebindings",
                    "dnp.sweep.records")),
            Map.entry("dnp.analysis", List.of("dnp.kernel.*", "dnp.sweep", "dnp.sweep.records")),
            Map.entry("dnp.plot", List.of("dnp.sweep")),
            Map.entry("dnp.plot.figures", List.of("dnp.plot", "dnp.analysis", "dnp.sweep", "dnp.sweep.records",
                    "dnp.kernel.*")),
            Map.entry("dnp.cli.options", List.of("dnp.sweep", "dnp.sweep.records", "dnp.kernel.*")),
            Map.entry("dnp.cli.slurm", List.of("dnp.sweep")),
            Map.entry("dnp.cli", List.of("dnp.cli.*", "dnp.plot.*", "dnp.analysis", "dnp.sweep.*", "dnp.kpm",
                    "dnp.kernel.*", "dnp.nativebindings", "dnp.reference")),
            Map.entry("dnp.benchmarks", List.of("dnp.kernel.*", "dnp.reference", "dnp.kpm", "dnp.nativebindings")));

    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern REFERENCE = Pattern.compile("\\b(dnp(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .toList();
        }
        for (Path f : sources) {
            String code = COMMENTS.matcher(Files.readString(f)).replaceAll(" ");
            Matcher pkg = PACKAGE.matcher(code);
            if (!pkg.find()) {
                continue;
            }
            String from = pkg.group(1);
            Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(code.substring(pkg.end()));
            while (m.find()) {
                if (!m.group(1).equals(from)) {
                    to.add(m.group(1));
                }
            }
        }
        return deps;
    }

    static boolean allowed(String from, String to) {
        for (String rule : ALLOWED.getOrDefault(from, List.of())) {
            if (rule.endsWith(".*") ? to.startsWith(rule.substring(0, rule.length() - 1)) || to.equals(
                    rule.substring(0, rule.length() - 2)) : to.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() >= 15, "packages found: " + deps.keySet());
        List<String> violations = new ArrayList<>();
        deps.forEach((from, targets) -> {
            if (from.startsWith("dnp.benchmarks.jmh_generated")) {
                return;
            }
            if (!ALLOWED.containsKey(from)) {
                violations.add(from + " is not in the layout");
            }
            for (String to : targets) {
                if (!allowed(from, to)) {
                    violations.add(from + " -> " + to);
                }
            }
        });
        assertTrue(violations.isEmpty(), "dependencies outside the layout: " + violations);
    }

    @Test
    void noCycles() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        Map<String, Integer> state = new HashMap<>();
        for (String p : deps.keySet()) {
            List<String> cycle = findCycle(p, deps, state, new ArrayList<>());
            assertTrue(cycle == null, "package cycle: " + cycle);
        }
    }

    private static List<String> findCycle(String p, Map<String, Set<String>> deps, Map<String, Integer> state,
                                          List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
            cycle.add(p);
            return cycle;
        }
        state.put(p, 1);
        path.add(p);
        for (String q : deps.getOrDefault(p, new HashSet<>())) {
            List<String> c = findCycle(q, deps, state, path);
            if (c != null) {
                return c;
            }
        }
        path.removeLast();
        state.put(p, 2);
        return null;
    }
}
