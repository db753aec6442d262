package dnp.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of docs/layers.md, the one list of allowed package dependencies, checked with ArchUnit on
 * the compiled classes of every module on this module's class path (all but the benchmarks, whose pom
 * allows them the kernel, the reference and kpm only): each package uses only what its row allows, and
 * no packages depend on each other in a cycle.
 */
class LayeringTest {
    static final Path LAYERS = Path.of("..", "docs", "layers.md");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/benchmarks/") && !location.contains("jmh_generated"))
            .importPackages("dnp");

    /** Package → the packages it may use, from the table of docs/layers.md. */
    static Map<String, List<String>> allowed() throws IOException {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LAYERS)) {
            if (!line.startsWith("| dnp")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            List<String> uses = Arrays.stream(cells[2].split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            if (rules.put(cells[1].trim(), uses) != null) {
                throw new IllegalStateException("docs/layers.md lists " + cells[1].trim() + " twice");
            }
        }
        return rules;
    }

    static boolean allows(List<String> uses, String from, String to) {
        if (to.equals(from)) {
            return true;
        }
        for (String rule : uses) {
            boolean match = rule.endsWith(".*")
                    ? to.equals(rule.substring(0, rule.length() - 2)) || to.startsWith(rule.substring(0, rule.length() - 1))
                    : to.equals(rule);
            if (match) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPackageUsesOnlyWhatDocsLayersAllows() throws IOException {
        Map<String, List<String>> rules = allowed();
        assertTrue(rules.size() >= 19, "rows read from docs/layers.md: " + rules.keySet());
        Set<String> packages = new TreeSet<>();
        CLASSES.forEach(c -> packages.add(c.getPackageName()));
        assertTrue(packages.size() >= 17, "packages imported: " + packages);
        Set<String> missing = new TreeSet<>(packages);
        missing.removeAll(rules.keySet());
        assertEquals(Set.of(), missing, "packages without a row in docs/layers.md");
        for (String from : packages) {
            List<String> uses = rules.get(from);
            DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe(
                    "are in a project package that docs/layers.md does not allow " + from + " to use",
                    c -> c.getPackageName().startsWith("dnp.") && !allows(uses, from, c.getPackageName()));
            noClasses().that().resideInAPackage(from).should().dependOnClassesThat(forbidden).check(CLASSES);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("dnp.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** The check can fail: a row that forbids what the code does is reported. */
    @Test
    void aForbiddenDependencyIsReported() {
        DescribedPredicate<JavaClass> kernel = DescribedPredicate.describe("are in the kernel",
                c -> c.getPackageName().startsWith("dnp.kernel"));
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> noClasses().that().resideInAPackage("dnp.kpm").should().dependOnClassesThat(kernel)
                        .check(CLASSES));
        assertFalse(e.getMessage().isEmpty());
    }
}
