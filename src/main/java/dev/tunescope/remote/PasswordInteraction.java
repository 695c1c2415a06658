package dev.tunescope.remote;

import java.util.Optional;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Password and keyboard-interactive authentication, reached only when the server wants them (no key or agent key
 * was accepted) and answered by the user through a {@link PasswordPrompt}; MINA asks up to three times, as OpenSSH's
 * {@code NumberOfPasswordPrompts}.
 */
final class PasswordInteraction implements UserInteraction {
    private final PasswordPrompt prompt;

    PasswordInteraction(PasswordPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public String resolveAuthPasswordAttempt(ClientSession session) {
        return prompt.ask(who(session) + "'s password").orElse(null);
    }

    /** A server's own questions (PAM's "Password:", a one-time code), each asked as the server words it. */
    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompts,
                                boolean[] echo) {
        String[] answers = new String[prompts.length];
        for (int i = 0; i < prompts.length; i++) {
            Optional<String> answer = prompt.ask(who(session) + ": " + prompts[i].strip());
            if (answer.isEmpty()) {
                return null; // declined: the server is told so
            }
            answers[i] = answer.get();
        }
        return answers;
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null; // an expired password is changed with the server's own tools, not here
    }

    /** {@code me@gpu-box}, or {@code me@gpu-box:2222} off the usual port, as the user would say it. */
    private static String who(ClientSession session) {
        SshdSocketAddress address = SshdSocketAddress.toSshdSocketAddress(session.getConnectAddress());
        return session.getUsername() + "@" + address.getHostName()
                + (address.getPort() == SshConstants.DEFAULT_PORT ? "" : ":" + address.getPort());
    }
}
