package org.conv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.cli.conformance.CaseRunner;
import org.conv4j.cli.conformance.ConformanceCase;

/** {@code conv4j conformance}: compute every case of a conformance folder. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"For every case folder under --cases (format: shared/conformance/FORMAT.md), write "
            + "output.npy, grad_input.npy, grad_weight.npy and grad_bias.npy, or error.txt with the error's message, "
            + "into --results/<id>/.", "It computes; it does not judge (check.py does)."})
final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--cases", required = true, paramLabel = "DIR", description = "folder of case folders")
    Path cases;

    @Option(names = "--results", required = true, paramLabel = "DIR", description = "where to write the results")
    Path results;

    @Option(names = "--jobs", paramLabel = "N", description = "cases run in parallel (default: available cores)")
    Integer jobs;

    @Option(names = {"-v", "--verbose"}, description = "print one line per case")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = caseDirs(cases);
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no case folders (with case.json) in " + cases);
        }
        if (Files.exists(results) && Files.isSameFile(results, cases)) {
            throw new IllegalArgumentException("--results is the --cases folder: the results would overwrite "
                    + "PyTorch's reference tensors");
        }
        Files.createDirectories(results);
        int threads = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<CaseRunner.Outcome>> futures = new ArrayList<>();
        for (Path dir : dirs) {
            String folder = dir.getFileName().toString();
            Path resultDir = results.resolve(folder);
            futures.add(pool.submit(() -> {
                try {
                    ConformanceCase c = ConformanceCase.load(dir);
                    if (!folder.equals(c.id())) { // the results go to <results>/<id>, as check.py reads them
                        throw new IllegalArgumentException("case.json's id '" + c.id() + "' is not its folder's "
                                + "name");
                    }
                    CaseRunner.Outcome o = CaseRunner.run(c);
                    o.write(resultDir);
                    return o;
                } catch (Exception e) {
                    CaseRunner.clearResults(resultDir); // no earlier run's results pass for this one's
                    throw e;
                }
            }));
        }
        pool.shutdown();
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        int computed = 0;
        int raised = 0;
        int failed = 0;
        for (int i = 0; i < dirs.size(); i++) {
            String id = dirs.get(i).getFileName().toString();
            try {
                CaseRunner.Outcome o = futures.get(i).get();
                if (o instanceof CaseRunner.Raised r) {
                    raised++;
                    if (verbose) {
                        out.println(id + ": " + r.text());
                    }
                } else {
                    computed++;
                    if (verbose) {
                        out.println(id + ": computed");
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                Throwable cause = e.getCause();
                boolean expected = cause instanceof IllegalArgumentException || cause instanceof IOException;
                String why = cause instanceof java.nio.file.NoSuchFileException ? "no such file: " + cause.getMessage()
                        : expected ? cause.getMessage() : cause.toString();
                err.println(id + ": could not run: " + why);
            }
        }
        out.printf("%d cases: %d computed, %d raised an error%s; results in %s%n", dirs.size(), computed, raised,
                failed == 0 ? "" : ", " + failed + " could not run", results);
        return failed == 0 ? 0 : 1;
    }

    static List<Path> caseDirs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--cases: " + root + " is not a folder");
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList();
        }
    }
}
