package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.RunStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Tunescope run's {@code run.json} holds: how the run is named, when it started, where it stands, the
 * device it trains on, its hyperparameters and the workload that defines it (model, data, steps...), so that a
 * study can be resumed or a run repeated from its folder alone.
 *
 * @param name     the run's display name; empty where the file gave none
 * @param created  when the run was created; empty where the file gave none or an unreadable one
 * @param device   for example {@code "cpu"} or {@code "gpu(0)"}; empty where unknown
 * @param workload JSON-like values only (strings, numbers, booleans, lists and maps of those)
 */
public record TunescopeRunInfo(String name, Optional<Instant> created, RunStatus status, String device,
                               Hyperparameters hparams, Map<String, Object> workload) {

    public TunescopeRunInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(hparams, "hparams");
        workload = Collections.unmodifiableMap(new LinkedHashMap<>(workload));
    }

    /** A run that starts now: status {@link RunStatus#RUNNING}. */
    public static TunescopeRunInfo started(String name, Instant created, String device, Hyperparameters hparams,
                                           Map<String, Object> workload) {
        return new TunescopeRunInfo(name, Optional.of(created), RunStatus.RUNNING, device, hparams, workload);
    }

    public TunescopeRunInfo withStatus(RunStatus newStatus) {
        return new TunescopeRunInfo(name, created, newStatus, device, hparams, workload);
    }
}
