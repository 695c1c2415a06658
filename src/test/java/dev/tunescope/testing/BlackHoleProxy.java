package dev.tunescope.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 to another local port whose open connections can be made to go silent: from then on
 * their bytes are swallowed in both directions and nothing is closed, as when a laptop sleeps or a Wi-Fi link
 * goes. Neither end hears of it; only a timeout or a keepalive that gets no answer can tell. New connections are
 * relayed as before.
 */
public final class BlackHoleProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int target;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();

    public BlackHoleProxy(int target) throws IOException {
        this.target = target;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Every connection open now goes silent; the ones made later are relayed. */
    public void silenceOpenConnections() {
        relays.forEach(relay -> relay.silent = true);
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                Relay relay = new Relay(client, server);
                relays.add(relay);
                Thread.ofVirtual().start(() -> relay.pump(client, server));
                Thread.ofVirtual().start(() -> relay.pump(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static final class Relay {
        final Socket a;
        final Socket b;
        volatile boolean silent;

        Relay(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // one side went away: the other is closed below
            } finally {
                close();
            }
        }

        void close() {
            try {
                a.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                b.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        relays.forEach(Relay::close);
    }
}
