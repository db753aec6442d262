package dnp.sweep;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Plain reasons for file-system errors, for one-line messages that name the path and never a class. */
public final class IoMessages {
    private IoMessages() {}

    /** Why an I/O operation failed, in words ("no such file or directory", "permission denied", …). */
    public static String reason(IOException ex) {
        if (ex instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (ex instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (ex instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (ex instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (ex instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (ex instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return ex.getMessage() != null ? ex.getMessage() : "input/output error";
    }

    /** "path: reason" for an I/O error about a path, or the reason alone. */
    public static String describe(IOException ex) {
        if (ex instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(ex);
        }
        return reason(ex);
    }
}
