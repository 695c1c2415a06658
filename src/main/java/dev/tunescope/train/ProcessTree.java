package dev.tunescope.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and every process it started. Training scripts start workers (data loaders, one process per
 * GPU, a shell wrapper's child), and stopping only the top one would leave them running, holding the GPU and
 * the output pipes.
 *
 * <p>Two nets catch them: the command's process group ({@link ProcessGroup}), which holds its workers even once
 * they are orphaned, and the process tree, which holds those that left the group for a session of their own. The
 * descendants are listed before anything is stopped, since a child whose parent is gone is no longer found under
 * it. Every process is first asked to stop ({@link ProcessHandle#destroy()}, SIGTERM on Unix) so it can flush its
 * logs; those still alive after the grace period, and any started meanwhile, are killed
 * ({@link ProcessHandle#destroyForcibly()}, SIGKILL). Waiting is always bounded.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    /** As {@link #destroy(ProcessHandle, Optional, Duration)} for a command that has no group of its own. */
    static boolean destroy(ProcessHandle root, Duration grace) {
        return destroy(root, Optional.empty(), grace);
    }

    /**
     * Stops {@code root}, its descendants and its {@code group}, waiting up to {@code grace} for them to stop on
     * request and then up to {@code grace} again after killing; returns whether every one of them is gone.
     */
    static boolean destroy(ProcessHandle root, Optional<ProcessGroup> group, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
        tree.add(root);
        group.ifPresent(ProcessGroup::terminate);
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, grace) && group.map(g -> g.awaitEmpty(grace)).orElse(true)) {
            return true;
        }
        // processes started while the others were stopping
        tree.addAll(tree.stream().filter(ProcessHandle::isAlive).flatMap(ProcessHandle::descendants).toList());
        group.ifPresent(ProcessGroup::kill);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return awaitExit(tree, grace) & group.map(g -> g.awaitEmpty(grace)).orElse(true);
    }

    private static boolean awaitExit(Set<ProcessHandle> processes, Duration limit) {
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        processes.forEach(process -> exits.add(process.onExit()));
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException unexpected) {
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // the caller's own cancellation; the kill requests were sent
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        }
    }
}
