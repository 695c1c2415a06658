package dev.tunescope.remote;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.io.functors.IOFunction;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;

/**
 * The SSH session behind one remote folder, re-opened when it drops. MINA's {@code SftpFileSystemAutomatic} asks
 * for a session each time it needs a new SFTP channel (its channel died with the connection); this hands it the
 * current one while it is open, and otherwise connects again with {@link Backoff}, telling {@code status} of every
 * attempt. Once the attempts give up, the folder is lost: the waiting read fails with one line naming the host and
 * folder, and each later read tries once more, without waiting, so a live view recovers when the host is back.
 *
 * <p>Only the file system's lock calls {@code apply(true)}, so there is one reconnection at a time per folder.
 */
final class ReconnectingSession implements IOFunction<Boolean, ClientSession> {
    /** Connects and authenticates once; an {@link SshRefusal} is final, any other failure is worth retrying. */
    @FunctionalInterface
    interface Connector {
        ClientSession connect(SshLocation location) throws IOException;
    }

    private final SshLocation location;
    private final Connector connector;
    private final Backoff backoff;
    private final Consumer<ConnectionStatus> status;
    private volatile ClientSession current;
    private boolean lost;

    ReconnectingSession(SshLocation location, ClientSession first, Connector connector, Backoff backoff,
                        Consumer<ConnectionStatus> status) {
        this.location = location;
        this.connector = connector;
        this.backoff = backoff;
        this.status = status;
        this.current = owned(first);
    }

    @Override
    public ClientSession apply(Boolean create) throws IOException {
        ClientSession session = current;
        if (!Boolean.TRUE.equals(create) || session.isOpen()) {
            return session;
        }
        synchronized (this) {
            if (!current.isOpen()) {
                current = owned(reconnect());
            }
            return current;
        }
    }

    private ClientSession reconnect() throws IOException {
        long start = System.nanoTime();
        Optional<String> problem = Optional.of("the connection dropped");
        int attempt = 0;
        while (true) {
            attempt++;
            status.accept(new ConnectionStatus(location, ConnectionStatus.State.RECONNECTING, attempt, problem));
            try {
                ClientSession session = connector.connect(location);
                lost = false;
                status.accept(ConnectionStatus.connected(location, attempt));
                return session;
            } catch (SshRefusal refused) {
                throw giveUp(attempt, start, refused);
            } catch (IOException failed) {
                problem = Optional.of(oneLine(failed));
                Duration wait = backoff.delayBefore(attempt + 1);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (lost || elapsed.plus(wait).compareTo(backoff.giveUpAfter()) > 0) {
                    throw giveUp(attempt, start, failed);
                }
                pause(wait);
            }
        }
    }

    private IOException giveUp(int attempts, long start, IOException last) {
        lost = true;
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        String line = location + ": the connection to " + location.host() + " dropped and could not be re-opened ("
                + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + seconds + " s; last: "
                + oneLine(last) + ")";
        status.accept(new ConnectionStatus(location, ConnectionStatus.State.LOST, attempts, Optional.of(line)));
        return new IOException(line, last);
    }

    /** The connector's message already names the address; only the part after it is repeated. */
    private String oneLine(IOException failed) {
        String message = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static void pause(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reconnecting was interrupted");
        }
    }

    /** Marked as the file system's own, so that closing the folder closes its session too. */
    private static ClientSession owned(ClientSession session) {
        session.setAttribute(SftpFileSystem.OWNED_SESSION, Boolean.TRUE);
        return session;
    }
}
