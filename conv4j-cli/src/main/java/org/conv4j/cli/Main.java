package org.conv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code conv4j}: PyTorch's Conv1d in pure Java, from the command line. */
@Command(name = "conv4j", mixinStandardHelpOptions = true, version = "conv4j 0.1.0",
        description = "PyTorch's Conv1d in pure Java: explain it, size it, run it, check it against PyTorch.",
        subcommands = {ExplainCommand.class, ShapeCommand.class, ForwardCommand.class, BackwardCommand.class,
            SummaryCommand.class, CompareCommand.class, ConformanceCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; returns the exit code (0 ok, 1 bad input or failure, 2 bad usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String where = commandLine.getCommandName();
            if (e instanceof IllegalArgumentException || e instanceof IOException) {
                // Bad configuration, bad input or a file problem: the message says what; no stack trace.
                // The file-system exceptions' messages are the bare path.
                String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage()
                        : e instanceof AccessDeniedException ? "permission denied: " + e.getMessage()
                        : e.getMessage();
                commandLine.getErr().println("conv4j " + where + ": error: " + message);
            } else {
                commandLine.getErr().println("conv4j " + where + ": internal error: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // A tensor too large for the heap (picocli hands Errors on): say so, without a stack trace.
            err.println("conv4j: error: not enough memory (" + e.getMessage() + "; this JVM may use "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: give it more with -Xmx, e.g. "
                    + "JAVA_TOOL_OPTIONS=-Xmx16g)");
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }
}
