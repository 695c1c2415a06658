package dev.tunescope.train;

import ai.djl.engine.EngineException;
import java.util.Locale;

/**
 * A batch that did not fit in memory. The engine reports it as an {@link EngineException} whose message says "out of
 * memory" (CUDA) or "can't allocate memory" (the CPU allocator); the JVM's own {@link OutOfMemoryError} counts too.
 * The run's native memory is released when its model and trainer close, so the process carries on.
 */
public final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int batchSize;

    public OutOfMemory(int batchSize, Throwable cause) {
        super("batch size " + batchSize + " does not fit in memory: " + cause.getMessage(), cause);
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Whether {@code failure}, or one of its causes, is an out-of-memory error. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemory || t instanceof OutOfMemoryError) {
                return true;
            }
            if (t instanceof EngineException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("out of memory") || message.contains("can't allocate memory")) {
                    return true;
                }
            }
        }
        return false;
    }
}
