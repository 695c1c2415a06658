package dev.tunescope.train;

import dev.tunescope.io.AtomicFiles;
import dev.tunescope.io.TunescopeRunWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains a command's standard output on its own thread, so the command never blocks on a full pipe: every byte
 * goes to {@code stdout.log} as it arrives, and each metric line ({@link StdoutMetrics}) is also logged through
 * the run's writer, so the run's readers and live view see the command's progress step by step.
 *
 * <p>The log keeps the output whole, bytes as the command wrote them; lines are only decoded (as UTF-8) to look
 * for metrics. A line longer than {@link StdoutMetrics#MAX_LINE_CHARS} is logged but not buffered for parsing.
 *
 * <p>When the log or a metric cannot be written (a full disk), the output is still read to its end and dropped, so
 * the command never blocks on a pipe nobody reads; {@link #failed()} completes with the first such failure, for
 * the launcher to stop a trial whose record is being lost.
 */
final class StdoutPump implements Runnable {
    private static final int MAX_LINE_BYTES = StdoutMetrics.MAX_LINE_CHARS * 3; // UTF-8 needs up to 3 per char

    private final InputStream output;
    private final OutputStream log;
    private final Path logFile;
    private final TunescopeRunWriter writer;
    private final AtomicLong steps = new AtomicLong();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CompletableFuture<IOException> failed = new CompletableFuture<>();
    private boolean lineTooLong;

    /**
     * @param log     closed when the output ends
     * @param logFile where {@code log} writes, named in the failure
     */
    StdoutPump(InputStream output, OutputStream log, Path logFile, TunescopeRunWriter writer) {
        this.output = output;
        this.log = log;
        this.logFile = logFile;
        this.writer = writer;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (log) {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                if (failed.isDone()) {
                    continue; // drained and dropped: the record is lost already, the command must not block
                }
                try {
                    log.write(buffer, 0, n);
                    log.flush();
                } catch (IOException cannotLog) {
                    failed.complete(new IOException("could not write " + logFile + ": "
                            + AtomicFiles.reason(cannotLog), cannotLog));
                    continue;
                }
                scan(buffer, n);
            }
            if (line.size() > 0 && !failed.isDone()) {
                endLine(); // a last line without a line break
            }
        } catch (IOException pipeBroke) {
            // the output ended abnormally: there is nothing more to read, and what was read is logged
        }
    }

    /** Metric records logged so far. */
    long stepsLogged() {
        return steps.get();
    }

    /** Completes with the first failure to write the log or a metric; never completes while all is written. */
    CompletableFuture<IOException> failed() {
        return failed;
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
        } catch (IOException cannotWrite) {
            failed.complete(cannotWrite); // the writer names the file; the line itself is in stdout.log
        }
    }
}
