package dev.tunescope.remote;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * The user's running {@code ssh-agent} (or any agent on {@code $SSH_AUTH_SOCK}): the keys it holds are offered,
 * and it signs, so a key unlocked once in the agent is never read or asked for here. MINA SSHD speaks the agent
 * protocol ({@link AbstractAgentProxy}); its own Unix-socket transport needs Apache Tomcat's native library, so
 * this one carries the messages over Java's own Unix-domain socket channel instead.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
    /** An agent message larger than this is not one an agent sends: a key list of thousands of keys. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel socket;

    private UnixSocketAgent(SocketChannel socket) {
        super(ThreadUtils.newSingleThreadExecutor("ssh-agent"));
        this.socket = socket;
    }

    /** Agents for sessions of this client, one connection to the socket each (as OpenSSH's client does). */
    static SshAgentFactory at(Path socketPath) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of(); // the agent is not forwarded to the server
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
                SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    socket.connect(UnixDomainSocketAddress.of(socketPath));
                } catch (IOException unreachable) {
                    socket.close();
                    throw new IOException("ssh-agent at " + socketPath + " does not answer (" + unreachable.getMessage()
                            + ")", unreachable);
                }
                return new UnixSocketAgent(socket);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) {
                throw new UnsupportedOperationException("agent forwarding is not offered");
            }
        };
    }

    /** Sends one message (its length first) and returns the agent's answer, from its message type on. */
    @Override
    protected synchronized Buffer request(Buffer message) throws IOException {
        int end = message.wpos();
        message.wpos(0);
        message.putUInt(end - 4);
        message.wpos(end);
        ByteBuffer out = ByteBuffer.wrap(message.array(), message.rpos(), message.available());
        while (out.hasRemaining()) {
            socket.write(out);
        }
        ByteBuffer length = readFully(ByteBuffer.allocate(4));
        int size = length.getInt(0);
        if (size <= 0 || size > MAX_MESSAGE) {
            throw new IOException("ssh-agent sent a message of " + Integer.toUnsignedString(size) + " bytes");
        }
        return new ByteArrayBuffer(readFully(ByteBuffer.allocate(size)).array());
    }

    private ByteBuffer readFully(ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (socket.read(into) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return into;
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            socket.close();
        }
    }
}
