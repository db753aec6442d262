package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where an output came from: program version and the commit it was built from (and whether that
 * tree had uncommitted changes), the full command line, the JDK, the SIMD path, the LAPACK provider
 * and its threads, the host, and when the run started and this output was finished (ISO-8601, UTC).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String program, String version, String commit, Boolean dirty, List<String> commandLine,
                         String jdk, String os, String host, String vectorization, Integer vectorBits,
                         String lapackeProvider, String openblasConfig, String openblasCore, Integer blasThreads,
                         String started, String finished) {
}
