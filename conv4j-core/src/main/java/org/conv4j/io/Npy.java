package org.conv4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;

/**
 * NumPy's {@code .npy} format (versions 1.0 to 3.0) for float32 and float64 tensors of any rank: little-endian,
 * C order, as {@code numpy.save} writes them. Everything else is rejected with a message that names the file and
 * the problem: big-endian data, Fortran order, other dtypes, truncated data, a header whose shape does not match
 * the data.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Reads a tensor from a {@code .npy} file. */
    public static Tensor read(Path file) throws IOException {
        return parse(InputFile.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a {@code .npy} file; {@code name} is used in error messages. */
    public static Tensor parse(byte[] bytes, String name) throws NpyFormatException {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw error(name, "not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        switch (major) {
            case 1 -> {
                headerLen = buf.getShort(8) & 0xffff;
                headerStart = 10;
            }
            case 2, 3 -> {
                if (bytes.length < 12) {
                    throw error(name, "truncated header");
                }
                headerLen = buf.getInt(8) & 0xffffffffL;
                headerStart = 12;
            }
            default -> throw error(name, "unsupported .npy format version " + major + "." + minor);
        }
        if (headerStart + headerLen > bytes.length) {
            throw error(name, "truncated header: it declares " + headerLen + " bytes, the file has "
                    + (bytes.length - headerStart) + " after the preamble");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(header, name);
        DType dtype = dtypeOf(h.descr, name);
        if (h.fortranOrder) {
            throw error(name, "Fortran-order (column-major) arrays are not supported; save a C-order copy "
                    + "(numpy.ascontiguousarray(a))");
        }
        long numel = 1;
        for (int s : h.shape) {
            numel *= s;
            if (numel > Integer.MAX_VALUE - 8) {
                throw error(name, "shape " + Shapes.format(h.shape) + " has more elements than a Java array holds");
            }
        }
        long expected = numel * dtype.byteSize();
        long actual = bytes.length - headerStart - headerLen;
        if (actual < expected) {
            throw error(name, "truncated data: the header declares shape " + Shapes.format(h.shape) + " of "
                    + dtype + ", which is " + expected + " bytes, but the file holds " + actual);
        }
        if (actual > expected) {
            throw error(name, "the header declares shape " + Shapes.format(h.shape) + " of " + dtype + ", which is "
                    + expected + " bytes, but the file holds " + actual + " bytes of data");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) (headerStart + headerLen), (int) expected)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (dtype == DType.FLOAT32) {
            float[] f = new float[(int) numel];
            data.asFloatBuffer().get(f);
            return Tensor.wrap(f, h.shape);
        }
        double[] d = new double[(int) numel];
        data.asDoubleBuffer().get(d);
        return Tensor.wrap(d, h.shape);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static DType dtypeOf(String descr, String name) throws NpyFormatException {
        switch (descr) {
            case "<f4":
                return DType.FLOAT32;
            case "<f8":
                return DType.FLOAT64;
            case ">f4", ">f8":
                throw error(name, "big-endian data ('" + descr + "') is not supported; save it little-endian "
                        + "(a.astype('<f" + descr.charAt(2) + "'))");
            default:
                throw error(name, "dtype '" + descr + "' is not supported; conv4j reads float32 ('<f4') and "
                        + "float64 ('<f8')");
        }
    }

    private static NpyFormatException error(String name, String problem) {
        return new NpyFormatException(name + ": " + problem);
    }

    /** The header dictionary: {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. */
    private record Header(String descr, boolean fortranOrder, int[] shape) {
        static Header parse(String text, String name) throws NpyFormatException {
            HeaderParser p = new HeaderParser(text, name);
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            p.expect('{');
            while (!p.tryConsume('}')) {
                String key = p.string();
                p.expect(':');
                switch (key) {
                    case "descr" -> {
                        if (p.peek() != '\'' && p.peek() != '"') {
                            throw error(name, "structured dtypes are not supported (descr is not a string)");
                        }
                        descr = p.string();
                    }
                    case "fortran_order" -> fortran = p.bool();
                    case "shape" -> shape = p.intTuple();
                    default -> throw error(name, "unexpected key '" + key + "' in the header");
                }
                if (!p.tryConsume(',')) {
                    p.expect('}');
                    break;
                }
            }
            if (descr == null || fortran == null || shape == null) {
                throw error(name, "the header lacks " + (descr == null ? "'descr'"
                        : fortran == null ? "'fortran_order'" : "'shape'") + ": " + text.strip());
            }
            return new Header(descr, fortran, shape);
        }
    }

    /** Just enough of Python's literal syntax for the header. */
    private static final class HeaderParser {
        private final String s;
        private final String name;
        private int i;

        HeaderParser(String s, String name) {
            this.s = s;
            this.name = name;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        char peek() {
            skipSpace();
            return i < s.length() ? s.charAt(i) : '\0';
        }

        boolean tryConsume(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) throws NpyFormatException {
            if (!tryConsume(c)) {
                throw bad("expected '" + c + "'");
            }
        }

        String string() throws NpyFormatException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw bad("expected a string");
            }
            int end = s.indexOf(q, i + 1);
            if (end < 0) {
                throw bad("unterminated string");
            }
            String r = s.substring(i + 1, end);
            i = end + 1;
            return r;
        }

        boolean bool() throws NpyFormatException {
            skipSpace();
            if (s.startsWith("True", i)) {
                i += 4;
                return true;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return false;
            }
            throw bad("expected True or False");
        }

        int[] intTuple() throws NpyFormatException {
            expect('(');
            List<Integer> values = new ArrayList<>();
            while (!tryConsume(')')) {
                skipSpace();
                int start = i;
                if (i < s.length() && s.charAt(i) == '-') {
                    i++;
                }
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw bad("expected an integer in the shape");
                }
                long v;
                try {
                    v = Long.parseLong(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw bad("shape entry " + s.substring(start, i) + " is not an integer");
                }
                if (i < s.length() && s.charAt(i) == 'L') {
                    i++; // Python 2's long suffix
                }
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw bad("shape entry " + v + " is out of range");
                }
                values.add((int) v);
                if (!tryConsume(',')) {
                    expect(')');
                    break;
                }
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private NpyFormatException bad(String what) {
            return error(name, "malformed header (" + what + " at character " + i + "): " + s.strip());
        }
    }

    /**
     * Writes a tensor as a version 1.0 {@code .npy} file (version 2.0 if the header needs it), the header padded
     * to a multiple of 64 bytes as numpy does. The file appears whole or not at all.
     */
    public static void write(Path file, Tensor tensor) throws IOException {
        writeAll(Map.of(file, tensor));
    }

    /** Writes several tensors so that none appears unless all could be written ({@link AtomicFiles}). */
    public static void writeAll(Map<Path, Tensor> files) throws IOException {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((file, tensor) -> bytes.put(file, toBytes(tensor)));
        AtomicFiles.writeAll(bytes);
    }

    /** The bytes of a {@code .npy} file holding {@code tensor}. */
    public static byte[] toBytes(Tensor tensor) {
        int[] shape = tensor.shape();
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        sh.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + (tensor.dtype() == DType.FLOAT32 ? "<f4" : "<f8")
                + "', 'fortran_order': False, 'shape': " + sh + ", }";
        boolean v2 = dict.length() + 11 + 64 > 0xffff;
        int preamble = v2 ? 12 : 10;
        int total = preamble + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        int dataBytes = tensor.numel() * tensor.dtype().byteSize();
        ByteBuffer buf = ByteBuffer.allocate(preamble + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) (v2 ? 2 : 1)).put((byte) 0);
        if (v2) {
            buf.putInt(header.length());
        } else {
            buf.putShort((short) header.length());
        }
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        if (tensor.dtype() == DType.FLOAT32) {
            buf.asFloatBuffer().put(tensor.floatData());
        } else {
            buf.asDoubleBuffer().put(tensor.doubleData());
        }
        return buf.array();
    }
}
