package dev.tunescope.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.RunStatus;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a run in Tunescope's own format (see {@link TunescopeFormat}) while it trains.
 *
 * <p>Each record is one line handed to the operating system in a single write as soon as it is logged, so a
 * reader tailing the folder sees it at once and never sees half a record except while that write is under way
 * (a reader waits for the line break). Lines are not forced to disk one by one: that would cost a sync per
 * step, and after a crash the reader keeps every complete line anyway. {@code run.json} is replaced through a
 * temporary file and a move, so a reader always finds the old or the new version whole.
 *
 * <p>Opening a folder that already holds a run appends to its logs (a resumed run); the reader's restart rule
 * then keeps the newest points of any steps logged again. Safe to call from several threads.
 */
public final class TunescopeRunWriter implements Closeable {
    private final Path dir;
    private final Clock clock;
    private final OutputStream metrics;
    private OutputStream histograms; // opened on the first histogram, so runs without any get no empty file
    private TunescopeRunInfo info;
    private boolean closed;

    private TunescopeRunWriter(Path dir, Clock clock, TunescopeRunInfo info, OutputStream metrics) {
        this.dir = dir;
        this.clock = clock;
        this.info = info;
        this.metrics = metrics;
    }

    /** Creates {@code runDir} (and its parents) if needed, writes {@code run.json}, opens the logs. */
    public static TunescopeRunWriter create(Path runDir, TunescopeRunInfo info) throws IOException {
        return create(runDir, info, Clock.systemUTC());
    }

    /** As {@link #create(Path, TunescopeRunInfo)}, with {@code clock} giving the wall time of every record. */
    public static TunescopeRunWriter create(Path runDir, TunescopeRunInfo info, Clock clock) throws IOException {
        Files.createDirectories(runDir);
        writeRunJson(runDir, info);
        OutputStream metrics = append(runDir.resolve(TunescopeFormat.METRICS));
        return new TunescopeRunWriter(runDir, clock, info, metrics);
    }

    public Path directory() {
        return dir;
    }

    public synchronized TunescopeRunInfo info() {
        return info;
    }

    /**
     * Logs the metrics of one step, stamped with the clock's time. Non-finite values are written as the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     *
     * @param values by tag, in the order they should appear on the line; a tag may not be "step" or "time"
     */
    public synchronized void metrics(long step, Map<String, Double> values) throws IOException {
        ObjectNode line = record(step);
        values.forEach((tag, value) -> {
            if (tag.equals(TunescopeFormat.STEP) || tag.equals(TunescopeFormat.TIME)) {
                throw new IllegalArgumentException("'" + tag + "' is a field of every record, not a metric tag");
            }
            line.put(tag, Objects.requireNonNull(value, tag));
        });
        writeLine(metrics, line);
    }

    /**
     * Logs one histogram in {@code numpy.histogram}'s form: {@code edges} has one entry more than
     * {@code counts}, and bucket {@code i} counts the values between {@code edges[i]} and {@code edges[i+1]}.
     */
    public synchronized void histogram(long step, String tag, double[] edges, double[] counts) throws IOException {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than counts, not " + edges.length
                    + " edges for " + counts.length + " counts");
        }
        ObjectNode line = record(step);
        line.put(TunescopeFormat.TAG, tag);
        ArrayNode edgeArray = line.putArray(TunescopeFormat.EDGES);
        for (double edge : edges) {
            edgeArray.add(edge);
        }
        ArrayNode countArray = line.putArray(TunescopeFormat.COUNTS);
        for (double count : counts) {
            if (count == Math.rint(count) && Math.abs(count) < 0x1p53) {
                countArray.add((long) count); // whole counts read as integers
            } else {
                countArray.add(count);
            }
        }
        if (histograms == null) {
            ensureOpen();
            histograms = append(dir.resolve(TunescopeFormat.HISTOGRAMS));
        }
        writeLine(histograms, line);
    }

    /** Records a new status, replacing {@code run.json} whole. */
    public synchronized void status(RunStatus status) throws IOException {
        ensureOpen();
        TunescopeRunInfo next = info.withStatus(status);
        writeRunJson(dir, next);
        info = next;
    }

    /**
     * Records a new status together with facts about the run known only at its end (an external command's exit
     * code, why it stopped), added to the workload map, replacing {@code run.json} whole.
     */
    public synchronized void status(RunStatus status, Map<String, Object> workloadFacts) throws IOException {
        ensureOpen();
        Map<String, Object> workload = new LinkedHashMap<>(info.workload());
        workload.putAll(workloadFacts);
        TunescopeRunInfo next = new TunescopeRunInfo(info.name(), info.created(), status, info.device(),
                info.hparams(), workload);
        writeRunJson(dir, next);
        info = next;
    }

    /**
     * Records a final status with extra hyperparameters (e.g. {@code out_of_memory: true} for a batch size that did
     * not fit, which the batch-size rule reads), replacing {@code run.json} whole.
     */
    public synchronized void status(RunStatus status, Hyperparameters extra) throws IOException {
        ensureOpen();
        Map<String, HyperparameterValue> merged = new LinkedHashMap<>(info.hparams().values());
        merged.putAll(extra.values());
        TunescopeRunInfo next = new TunescopeRunInfo(info.name(), info.created(), status, info.device(),
                new Hyperparameters(merged, info.hparams().source()), info.workload());
        writeRunJson(dir, next);
        info = next;
    }

    /** Closes the logs. The status stays what it was last set to: closing does not mean the run finished. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            metrics.close();
        } finally {
            if (histograms != null) {
                histograms.close();
            }
        }
    }

    private ObjectNode record(long step) {
        ObjectNode line = TunescopeJson.MAPPER.createObjectNode();
        line.put(TunescopeFormat.STEP, step);
        line.put(TunescopeFormat.TIME, BigDecimal.valueOf(clock.millis(), 3)); // seconds, written 1767323045.250
        return line;
    }

    private void writeLine(OutputStream out, ObjectNode line) throws IOException {
        ensureOpen();
        byte[] json;
        try {
            json = TunescopeJson.MAPPER.writeValueAsBytes(line);
        } catch (JacksonException e) {
            throw new IOException("could not encode a record: " + e.getOriginalMessage(), e);
        }
        byte[] bytes = new byte[json.length + 1];
        System.arraycopy(json, 0, bytes, 0, json.length);
        bytes[json.length] = '\n';
        out.write(bytes); // one write for the whole line, line break included
        out.flush();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the writer of " + dir + " is closed");
        }
    }

    private static OutputStream append(Path file) throws IOException {
        // unbuffered: each write goes to the file at once
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private static void writeRunJson(Path dir, TunescopeRunInfo info) throws IOException {
        Path target = dir.resolve(TunescopeFormat.RUN_JSON);
        Path temporary = Files.createTempFile(dir, ".run.json.", ".tmp");
        try {
            Files.write(temporary, RunJson.write(info));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
