package dnp.kpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How the moment stores ({@link MomentStore}, {@link VectorMomentStore}) treat files they cannot use. A
 * strict store (no warnings consumer) throws; a recovering one goes on and says so in one line: a damaged
 * file ({@link MomentStore.DamagedFileException}) or one this process cannot read is computed again and
 * replaced, and moments that cannot be written (a read-only folder, a full disk) are used, only not kept.
 *
 * @param directory the store's folder (created on the first write)
 * @param warnings  where a recovering store reports; null for a strict one
 */
record RecoveringFiles(Path directory, Consumer<String> warnings) {

    /** A write that may fail with an {@link IOException}. */
    interface Write {
        void to(Path file) throws IOException;
    }

    /** A recovering store goes on after a damaged file (reporting it); a strict one throws. */
    void recovering(MomentStore.DamagedFileException ex) throws MomentStore.DamagedFileException {
        if (warnings == null) {
            throw ex;
        }
        warnings.accept(ex.getMessage() + "; its moments are computed again and the file replaced");
    }

    /** Whether {@code file} exists and, for a recovering store, can be read (else it is computed again). */
    boolean usable(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        if (warnings == null || Files.isReadable(file)) {
            return true;
        }
        warnings.accept(file + ": cannot be read (permission denied); its moments are computed again");
        return false;
    }

    /** Writes the moments; a recovering store that cannot (read-only folder, full disk) says so and goes on. */
    void keep(Path file, Write write) throws IOException {
        try {
            Files.createDirectories(directory);
            write.to(file);
        } catch (IOException ex) {
            if (warnings == null) {
                throw ex;
            }
            String reason = ex instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : String.valueOf(ex.getMessage());
            warnings.accept(file + ": cannot be written (" + reason + "); the moments computed now are used, but not "
                    + "kept for a later run");
        }
    }
}
