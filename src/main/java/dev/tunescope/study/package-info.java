/**
 * Studies: the experiments the playbook prescribes (an LR sweep, the 2 x lr* instability probe, a warmup study,
 * a clipping study, a batch-size probe, run-length runs), planned from settings or from a diagnosis, run trial by
 * trial into one folder, and resumed after a crash without re-running a finished trial.
 */
package dev.tunescope.study;
