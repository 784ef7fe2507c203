package org.conv4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading a whole input file with messages that name it: {@link Files#readAllBytes} says only "Is a directory"
 * for a directory and fails with an {@link OutOfMemoryError} on a file larger than a Java array.
 */
public final class InputFile {
    /** The most bytes a Java array holds (a little less than 2 GiB). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private InputFile() {
    }

    public static byte[] readAllBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a file");
        }
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IOException(file + ": " + size + " bytes, more than conv4j reads (at most " + MAX_BYTES
                        + ", the size of a Java array)");
            }
        }
        return Files.readAllBytes(file); // a missing or unreadable file says so itself
    }

    /** The file's lines, read as UTF-8. */
    public static List<String> readAllLines(Path file) throws IOException {
        return new String(readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }
}
