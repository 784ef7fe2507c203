package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Without {@code --add-modules jdk.incubator.vector} the Vector API kernels cannot load; conv4j must still run. */
class ScalarFallbackTest {

    private static String probe(boolean withVectorModule, String... jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(jvmOptions));
        if (withVectorModule) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add(FallbackProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void fallsBackToScalarKernelsWithoutTheIncubatorModule() throws Exception {
        String out = probe(false);
        assertTrue(out.contains("math=scalar first=depthwise/scalar output=[1, 2, 7]"), out);
        assertTrue(out.contains("using scalar kernels"), "the fallback is logged: " + out);
    }

    @Test
    void usesTheVectorApiWithIt() throws Exception {
        String out = probe(true);
        assertTrue(out.contains("math=vector") && out.contains("output=[1, 2, 7]"), out);
    }

    @Test
    void refusesToForceTheVectorApiWithoutTheIncubatorModule() throws Exception {
        String out = probe(false, "-Dconv4j.kernel=simd");
        assertTrue(out.contains("error=ConfigurationException: -Dconv4j.kernel=simd, but the Vector API is not "
                + "available (run with --add-modules jdk.incubator.vector)"), out);
    }

    @Test
    void reportsABadThreadCountAtTheFirstCall() throws Exception {
        // Read when first needed, not while the class loads (which would be an ExceptionInInitializerError).
        String out = probe(true, "-Dconv4j.threads=two");
        assertTrue(out.contains("error=ConfigurationException: -Dconv4j.threads=two is not a whole number"), out);
    }
}
