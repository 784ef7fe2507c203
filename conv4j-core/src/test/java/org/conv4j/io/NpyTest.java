package org.conv4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** A .npy file as numpy.save writes it, with a header and data of our choosing. */
    private static byte[] npy(int major, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) h.length);
        } else {
            len.putInt(h.length);
        }
        out.writeBytes(len.array());
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static String header(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }          \n";
    }

    private void assertRejected(byte[] bytes, String... fragments) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.parse(bytes, "x.npy"));
        assertTrue(e.getMessage().startsWith("x.npy: "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage() + " should mention " + f);
        }
    }

    @Test
    void readsWhatNumpyWrites() throws Exception {
        Tensor t = Npy.parse(npy(1, header("<f4", "False", "(2, 2)"), floats(1, 2, 3, 4)), "x.npy");
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertEquals(3.0, t.get(1, 0));
        // Version 2.0 headers and double quotes are fine too; so is a 1-tuple and Python 2's 'L' suffix.
        Tensor v2 = Npy.parse(npy(2, "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (3L,)}\n",
                floats(1, 2, 3)), "x.npy");
        assertArrayEquals(new int[] {3}, v2.shape());
    }

    @Test
    void roundTripsEveryRankAndBothDtypes() throws Exception {
        int[][] shapes = {{}, {0}, {5}, {2, 3}, {0, 5, 8}, {2, 3, 4}, {1, 2, 3, 4, 5}};
        for (DType dtype : DType.values()) {
            for (int[] shape : shapes) {
                Tensor t = Tensor.zeros(dtype, shape);
                for (int i = 0; i < t.numel(); i++) {
                    if (dtype == DType.FLOAT32) {
                        t.floatData()[i] = i * 0.5f - 3;
                    } else {
                        t.doubleData()[i] = Math.PI * i;
                    }
                }
                Path f = dir.resolve("t.npy");
                Npy.write(f, t);
                Tensor back = Npy.read(f);
                assertTrue(t.contentEquals(back), dtype + " " + java.util.Arrays.toString(shape));
                byte[] bytes = Files.readAllBytes(f);
                int headerEnd = 10 + (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8);
                assertEquals(0, headerEnd % 64, "header padded to 64 bytes as numpy does");
            }
        }
    }

    @Test
    void rejectsBigEndian() {
        assertRejected(npy(1, header(">f4", "False", "(1,)"), floats(1)), "big-endian", ">f4");
    }

    @Test
    void rejectsFortranOrder() {
        assertRejected(npy(1, header("<f4", "True", "(2, 2)"), floats(1, 2, 3, 4)), "Fortran");
    }

    @Test
    void rejectsOtherDtypes() {
        assertRejected(npy(1, header("<i8", "False", "(1,)"), new byte[8]), "dtype '<i8'", "float32", "float64");
        assertRejected(npy(1, header("<f2", "False", "(1,)"), new byte[2]), "dtype '<f2'");
        assertRejected(npy(1, header("|u1", "False", "(1,)"), new byte[1]), "dtype '|u1'");
        assertRejected(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }\n", new byte[4]),
                "structured");
    }

    @Test
    void rejectsTruncatedData() {
        assertRejected(npy(1, header("<f4", "False", "(2, 3)"), floats(1, 2, 3, 4, 5)), "truncated", "[2, 3]", "24",
                "20");
    }

    @Test
    void rejectsAHeaderThatLiesAboutTheSize() {
        assertRejected(npy(1, header("<f8", "False", "(2,)"), new byte[24]), "[2]", "16 bytes", "24 bytes");
    }

    @Test
    void rejectsTruncatedOrMalformedHeadersAndOtherFiles() {
        byte[] good = npy(1, header("<f4", "False", "(1,)"), floats(1));
        assertRejected(java.util.Arrays.copyOf(good, 20), "truncated header");
        assertRejected("not numpy at all".getBytes(StandardCharsets.UTF_8), "not a .npy file");
        assertRejected(npy(1, "{'descr': '<f4', 'shape': (1,), }\n", floats(1)), "lacks 'fortran_order'");
        assertRejected(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, x), }\n", floats(1)),
                "malformed header");
        assertRejected(npy(1, header("<f4", "False", "(-1,)"), floats(1)), "malformed header");
        assertRejected(npy(7, header("<f4", "False", "(1,)"), floats(1)), "version 7.0");
    }

    @Test
    void readsNameTheFileInErrors() throws Exception {
        Path f = dir.resolve("bad.npy");
        Files.write(f, npy(1, header(">f8", "False", "(1,)"), new byte[8]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
    }

    @Test
    void writeAllLeavesNoFileWhenOneWriteFails() throws Exception {
        Path ok = dir.resolve("a.npy");
        Path impossible = dir.resolve("no-such-dir").resolve("b.npy");
        Map<Path, Tensor> files = new LinkedHashMap<>();
        files.put(ok, Tensor.zeros(DType.FLOAT32, 2));
        files.put(impossible, Tensor.zeros(DType.FLOAT32, 2));
        assertThrows(java.io.IOException.class, () -> Npy.writeAll(files));
        assertFalse(Files.exists(ok), "no partial output");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no temporary files left behind");
        }
    }
}
