package dev.tunescope.io;

import java.nio.file.Path;

/**
 * The run folder Tunescope's own trainer writes (DESIGN.md, "Tunescope's own run format"):
 * <pre>
 * run.json          {"name", "created", "status", "device", "hparams": {...}, "workload": {...}}
 * metrics.jsonl     {"step": 12, "time": 1763899200.5, "train/loss": 2.31, "lr": 0.001}
 * histograms.jsonl  {"step": 200, "time": 1763899260.1, "tag": "grad/values", "edges": [...], "counts": [...]}
 * </pre>
 * The two {@code .jsonl} files are append-only, one JSON object a line, so a live reader can follow them. In
 * {@code metrics.jsonl} every key other than {@code step} and {@code time} is a metric tag; {@code time} is
 * seconds since the epoch. Non-finite numbers are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}; readers also accept the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}
 * that Python's {@code json.dumps} writes, so logs from a Python script in this format can be opened too.
 * {@code run.json} is small and replaced whole (atomically) when the status changes; {@code status} is one of
 * {@code running}, {@code finished}, {@code diverged}, {@code failed}, {@code cancelled}.
 */
public final class TunescopeFormat {
    public static final String RUN_JSON = "run.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String HISTOGRAMS = "histograms.jsonl";

    static final String STEP = "step";
    static final String TIME = "time";
    static final String TAG = "tag";
    static final String EDGES = "edges";
    static final String COUNTS = "counts";

    private TunescopeFormat() {
    }

    /**
     * True for a folder holding a Tunescope run: one with {@code metrics.jsonl} or {@code run.json} (a named pipe
     * so named counts, so that the run's reader reports it).
     */
    public static boolean isRunDirectory(Path dir) {
        return RegularFiles.existsAsNonDirectory(dir.resolve(METRICS))
                || RegularFiles.existsAsNonDirectory(dir.resolve(RUN_JSON));
    }
}
