package org.conv4j.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes files so that a failure leaves no partial output behind. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes several files so that none appears unless all could be written: each is first written next to its
     * destination and all are moved into place only after every write succeeded.
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path dest = e.getKey().toAbsolutePath();
                Path tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".tmp");
                temps.put(dest, tmp);
                Files.write(tmp, e.getValue());
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
}
