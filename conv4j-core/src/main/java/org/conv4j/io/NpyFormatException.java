package org.conv4j.io;

import java.io.IOException;

/** A {@code .npy} file conv4j cannot read; the message names the file and the problem. */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(message);
    }
}
