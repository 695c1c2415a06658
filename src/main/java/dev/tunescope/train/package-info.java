/**
 * Training: DJL workloads (PyTorch engine; the GPU when DJL finds one, else the CPU), learning-rate schedules,
 * optimizers, gradient clipping by global norm, and the training loop that writes Tunescope's own run format
 * step by step. Also the launcher for a user's own training command.
 */
package dev.tunescope.train;
