package dev.tunescope.train;

import dev.tunescope.io.TunescopeRunWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains a command's standard output on its own thread, so the command never blocks on a full pipe: every byte
 * goes to {@code stdout.log} as it arrives, and each metric line ({@link StdoutMetrics}) is also logged through
 * the run's writer, so the run's readers and live view see the command's progress step by step.
 *
 * <p>The log keeps the output whole, bytes as the command wrote them; lines are only decoded (as UTF-8) to look
 * for metrics. A line longer than {@link StdoutMetrics#MAX_LINE_CHARS} is logged but not buffered for parsing.
 * When a metric cannot be written (the disk is full, the writer is closed), the output is still logged.
 */
final class StdoutPump implements Runnable {
    private static final int MAX_LINE_BYTES = StdoutMetrics.MAX_LINE_CHARS * 3; // UTF-8 needs up to 3 per char

    private final InputStream output;
    private final OutputStream log;
    private final TunescopeRunWriter writer;
    private final AtomicLong steps = new AtomicLong();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lineTooLong;
    private volatile IOException failure;

    /** @param log closed when the output ends */
    StdoutPump(InputStream output, OutputStream log, TunescopeRunWriter writer) {
        this.output = output;
        this.log = log;
        this.writer = writer;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (log) {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                log.write(buffer, 0, n);
                log.flush();
                scan(buffer, n);
            }
            if (line.size() > 0) {
                endLine(); // a last line without a line break
            }
        } catch (IOException e) {
            failure = e; // the pipe broke or the log cannot be written: stop; the process is not affected
        }
    }

    /** Metric records logged so far. */
    long stepsLogged() {
        return steps.get();
    }

    /** Why the output could not be logged whole, where it could not. */
    IOException failure() {
        return failure;
    }

    private void scan(byte[] buffer, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                append(buffer, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        append(buffer, start, length - start);
    }

    private void append(byte[] buffer, int offset, int length) {
        if (lineTooLong || line.size() + length > MAX_LINE_BYTES) {
            lineTooLong = true;
            line.reset();
            return;
        }
        line.write(buffer, offset, length);
    }

    private void endLine() {
        if (!lineTooLong) {
            StdoutMetrics.parse(line.toString(StandardCharsets.UTF_8)).ifPresent(this::log);
        }
        line.reset();
        lineTooLong = false;
    }

    private void log(StdoutMetrics.Line metrics) {
        try {
            writer.metrics(metrics.step(), metrics.values());
            steps.incrementAndGet();
        } catch (IOException e) {
            // the line stays in stdout.log; a writer closed after the run ended takes no more records
        }
    }
}
