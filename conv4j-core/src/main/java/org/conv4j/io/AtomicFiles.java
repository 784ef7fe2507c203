package org.conv4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes files so that a failure leaves no partial output behind. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes several files so that none appears unless all could be written: the destinations are checked first
     * (each a regular file or new, in an existing folder, none given twice), each file is written next to its
     * destination, and all are moved into place only after every write succeeded. A symbolic link's target is
     * written, not the link replaced. Messages name the destinations, never the temporary files.
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, byte[]> checked = new LinkedHashMap<>();
        for (Map.Entry<Path, byte[]> e : files.entrySet()) {
            Path dest = destination(e.getKey());
            if (checked.put(dest, e.getValue()) != null) {
                throw new IOException(e.getKey() + ": given twice as an output");
            }
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> e : checked.entrySet()) {
                Path dest = e.getKey();
                try {
                    Path tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".tmp");
                    temps.put(dest, tmp);
                    Files.write(tmp, e.getValue());
                    readableByAll(tmp);
                } catch (AccessDeniedException x) {
                    throw new IOException(dest + ": permission denied", x);
                } catch (FileSystemException x) {
                    throw new IOException(dest + ": " + (x.getReason() != null ? x.getReason() : x.getMessage()), x);
                }
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : temps.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The file to replace for {@code path}, checked before anything is written. */
    private static Path destination(Path path) throws IOException {
        if (path.toString().isEmpty()) {
            throw new IOException("an output file's name is empty");
        }
        Path dest = path.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(dest) && Files.exists(dest)) {
            dest = dest.toRealPath();
        }
        if (Files.isDirectory(dest)) {
            throw new IOException(path + ": is a directory");
        }
        if (Files.exists(dest) && !Files.isRegularFile(dest)) {
            throw new IOException(path + ": not a regular file (outputs are replaced whole)");
        }
        Path parent = dest.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException(path + ": no such folder: " + parent);
        }
        return dest;
    }

    /** rw-r--r--, as numpy.save leaves a new file (temporary files start owner-only). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temporary file's default ACL is kept.
        }
    }
}
