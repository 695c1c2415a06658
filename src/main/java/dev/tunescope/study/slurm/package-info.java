/**
 * A study's trials as Slurm jobs: each trial is one job that runs the same study, for that trial alone, on a
 * compute node ({@code tunescope study ... --only-trial NAME}), writing into the trial folder on the shared file
 * system. The study here submits the jobs, records their ids in the trial folders, follows them through
 * {@code squeue} and {@code scontrol}, and cancels them with {@code scancel}. See {@link
 * dev.tunescope.study.slurm.SlurmExecutor}.
 */
package dev.tunescope.study.slurm;
