package dev.tunescope.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a user's command from outliving Tunescope, even a Tunescope killed with {@code kill -9}, which runs no
 * code of its own on the way out.
 *
 * <p>The command is started through {@code setsid} ({@link #inOwnGroup}), so it and everything it starts form a
 * process group of their own, whose id is the command's pid; a script's workers stay in that group even when they
 * are orphaned and no longer found among the command's descendants. Beside it runs a watchdog: a fixed
 * {@code /bin/sh} script that reads requests from a pipe whose writing end only this JVM holds (Java closes every
 * other descriptor in the processes it starts, so no child inherits it). However the JVM ends, the kernel closes
 * that end; the watchdog then reads end-of-file and kills the whole group with SIGKILL. A trial that ends
 * normally sends {@code release} first, and the watchdog exits without touching anything. The watchdog ignores
 * the terminal's signals (Ctrl-C reaches the JVM, which cancels the trial politely), so it is there whenever the
 * JVM dies.
 *
 * <p>The script is a constant and its only input is the group id this class writes, a number: no user value ever
 * reaches a shell. It also signals the group on request ({@code term}, {@code kill}) and answers whether any
 * process of it is left ({@code probe}), which Java's process API cannot do for a group.
 *
 * <p>The watchdog is started before the command, so a command never runs unwatched because the watchdog could not
 * start; only a kill in the instant between starting the command and writing its group id leaves it unwatched,
 * and then the trial's pid file ({@link TrialProcessFile}) lets a resume stop it. Where {@code setsid} or
 * {@code /bin/sh} is missing (not Linux), {@link #supported()} is false and commands run as before, stopped
 * through their process tree only.
 */
final class ProcessGroup implements AutoCloseable {
    private static final Path SHELL = Path.of("/bin/sh");
    private static final Optional<Path> SETSID = List.of("/usr/bin/setsid", "/bin/setsid").stream().map(Path::of)
            .filter(Files::isExecutable).findFirst();
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String SCRIPT = """
            trap '' HUP INT QUIT PIPE TERM
            group=
            while IFS= read -r request; do
              case $request in
                "group "*) group=${request#group } ;;
                term) kill -s TERM -- "-$group" 2>/dev/null ;;
                kill) kill -s KILL -- "-$group" 2>/dev/null ;;
                probe) if kill -s 0 -- "-$group" 2>/dev/null; then echo alive; else echo gone; fi ;;
                release) exit 0 ;;
              esac
            done
            [ -n "$group" ] && kill -s KILL -- "-$group" 2>/dev/null
            exit 0
            """;

    private final Process watchdog;
    private final Writer requests;
    private final BufferedReader replies;
    private long group = -1;

    private ProcessGroup(Process watchdog) {
        this.watchdog = watchdog;
        this.requests = new OutputStreamWriter(watchdog.getOutputStream(), StandardCharsets.US_ASCII);
        this.replies = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Whether commands can run in a group of their own, watched: {@code setsid} and {@code /bin/sh} exist. */
    static boolean supported() {
        return SETSID.isPresent() && Files.isExecutable(SHELL);
    }

    /** {@code command} started in a new session, hence a new process group whose id is its pid. */
    static List<String> inOwnGroup(List<String> command) {
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.orElseThrow().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** Starts a watchdog that watches no group yet. */
    static ProcessGroup startWatchdog() throws IOException {
        Process watchdog = new ProcessBuilder(SHELL.toString(), "-c", SCRIPT, "tunescope-watchdog")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new ProcessGroup(watchdog);
    }

    /** From now on, the group {@code id} is killed when this JVM dies before {@link #release()}. */
    synchronized void watch(long id) throws IOException {
        group = id;
        send("group " + id);
    }

    long id() {
        return group;
    }

    /** Asks every process of the group to stop (SIGTERM). */
    synchronized void terminate() {
        trySend("term");
    }

    /** Kills every process of the group (SIGKILL). */
    synchronized void kill() {
        trySend("kill");
    }

    /** Whether no process of the group is left; true too where the watchdog cannot be asked (it is gone). */
    synchronized boolean isEmpty() {
        if (!trySend("probe")) {
            return true;
        }
        try {
            return !"alive".equals(replies.readLine());
        } catch (IOException watchdogGone) {
            return true;
        }
    }

    /** Waits up to {@code limit} for the group to be empty; returns whether it is. */
    boolean awaitEmpty(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return isEmpty();
            }
        }
        return true;
    }

    /** Stops the group: asks, waits up to {@code grace}, kills, waits again; returns whether it is empty. */
    boolean stop(Duration grace) {
        if (isEmpty()) {
            return true;
        }
        terminate();
        if (awaitEmpty(grace)) {
            return true;
        }
        kill();
        return awaitEmpty(grace);
    }

    /** Ends the watch without killing anything: the trial is over and its group is gone. */
    synchronized void release() {
        trySend("release");
        close();
    }

    /** Closes the pipe: a watchdog not released kills the group, as it would if this JVM died. */
    @Override
    public synchronized void close() {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // the watchdog exited: nothing to tell it
        }
        try {
            if (!watchdog.waitFor(5, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            replies.close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }

    private void send(String request) throws IOException {
        requests.write(request + "\n");
        requests.flush();
    }

    private boolean trySend(String request) {
        try {
            send(request);
            return true;
        } catch (IOException watchdogGone) {
            return false;
        }
    }
}
