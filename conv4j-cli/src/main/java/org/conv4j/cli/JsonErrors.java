package org.conv4j.cli;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's parse errors in one line: its own message and where, without its source description. */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String message = j.getOriginalMessage().lines().findFirst().orElse("");
            // Jackson names the source inside some messages too ("start marker at [Source: REDACTED ...; line...").
            return message.replaceAll("\\[Source: [^;]*; ", "[") + where;
        }
        return e.getMessage();
    }
}
