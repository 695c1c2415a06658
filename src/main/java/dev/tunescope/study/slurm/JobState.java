package dev.tunescope.study.slurm;

import java.util.Set;

/**
 * A Slurm job's state as {@code squeue} or {@code scontrol} name it ({@code PENDING}, {@code RUNNING},
 * {@code TIMEOUT}, ...), with Slurm's reason where it gives one ({@code TimeLimit}, {@code Resources}).
 */
public record JobState(long jobId, String state, String reason) {
    /** States of a job that has not ended: it holds, or will hold, the trial folder. */
    private static final Set<String> LIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED",
            "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED",
            "RESV_DEL_HOLD", "SPECIAL_EXIT");

    public boolean live() {
        return LIVE.contains(state);
    }

    /** Why an ended job did not leave a finished trial, in words, with Slurm's own state name. */
    String whyItEnded() {
        String why = switch (state) {
            case "TIMEOUT", "DEADLINE" -> "ran past its time limit";
            case "CANCELLED" -> "was cancelled (scancel) outside this study";
            case "PREEMPTED" -> "was preempted";
            case "NODE_FAIL", "BOOT_FAIL" -> "lost its node";
            case "OUT_OF_MEMORY" -> "ran out of the memory Slurm gave it";
            case "FAILED" -> "failed";
            case "COMPLETED" -> "ended without a finished run in the trial folder";
            default -> "ended";
        };
        boolean sayReason = !reason.isEmpty() && !reason.equals("None");
        return "Slurm job " + jobId + " " + why + " (" + state + (sayReason ? ", " + reason : "") + ")";
    }
}
