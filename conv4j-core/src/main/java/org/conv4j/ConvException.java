package org.conv4j;

/**
 * Bad configuration or input. The message is PyTorch's where PyTorch has one, and {@link #pythonType()}
 * names the Python exception PyTorch raises for it ({@code ValueError} from {@code nn.Conv1d}'s
 * constructor, {@code RuntimeError} from ATen's checks, ...).
 */
public class ConvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The Python exception class PyTorch raises for the same mistake. */
    public enum PythonType { ValueError, TypeError, RuntimeError, NotImplementedError, IndexError }

    private final PythonType pythonType;

    public ConvException(PythonType pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    public static ConvException valueError(String message) {
        return new ConvException(PythonType.ValueError, message);
    }

    public static ConvException runtimeError(String message) {
        return new ConvException(PythonType.RuntimeError, message);
    }

    public static ConvException notImplemented(String message) {
        return new ConvException(PythonType.NotImplementedError, message);
    }

    /** Throws a {@code RuntimeError} with the message when the condition does not hold (ATen's TORCH_CHECK). */
    public static void check(boolean condition, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw runtimeError(message.get());
        }
    }

    public PythonType pythonType() {
        return pythonType;
    }
}
