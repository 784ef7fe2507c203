package org.conv4j.spec;

import java.util.StringJoiner;

/** Python's {@code repr} of the few values PyTorch puts in messages. */
final class PyRepr {
    private PyRepr() {
    }

    /** {@code repr(str)}: single quotes unless the text holds a single quote and no double quote. */
    static String str(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c == q) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.append(q).toString();
    }

    /** {@code repr(tuple)}: {@code (3,)} for one element, {@code (3, 3)} for more. */
    static String tuple(int[] values) {
        if (values.length == 1) {
            return "(" + values[0] + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int v : values) {
            j.add(Integer.toString(v));
        }
        return j.toString();
    }
}
