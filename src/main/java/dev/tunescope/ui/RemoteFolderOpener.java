package dev.tunescope.ui;

import dev.tunescope.remote.ConnectionStatus;
import dev.tunescope.remote.HostKeyConsent;
import dev.tunescope.remote.SshFolders;
import dev.tunescope.remote.SshLocation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.apache.sshd.common.config.keys.FilePasswordProvider;

/**
 * Opens {@code ssh://} folders for the app: connecting and authenticating run in the background (a slow link never
 * blocks the window); an unknown host key or a key's passphrase is asked in a dialog on the FX thread while the
 * connection waits for the answer. Host keys are checked as the command line checks them ({@link SshFolders}).
 */
final class RemoteFolderOpener implements AutoCloseable {
    private static final String LANE = "remote-folder";
    private final Background background;
    private final Window owner;
    private final Consumer<String> connection;
    private SshFolders folders;

    /**
     * @param connection told on the FX thread how the open folder's connection stands: empty while it is up, else
     *                   the reconnecting or lost line of {@link ConnectionStatus#describe}
     */
    RemoteFolderOpener(Background background, Window owner, Consumer<String> connection) {
        this.background = background;
        this.owner = owner;
        this.connection = connection;
    }

    /** Connects to {@code address} in the background; then {@code opened} gets the folder, on the FX thread. */
    void open(String address, Consumer<Path> opened, Consumer<String> failed) {
        background.run(LANE, token -> folders().open(SshLocation.parse(address)), opened,
                failure -> failed.accept(failure.getMessage()));
    }

    private synchronized SshFolders folders() {
        if (folders == null) {
            Path sshDir = Path.of(System.getProperty("tunescope.ssh.dir", SshFolders.defaultSshDir().toString()));
            folders = new SshFolders(sshDir, askInADialog(), passphraseInADialog());
            folders.askPasswordsWith(question -> Optional.ofNullable(secretInADialog("Password", question)));
            folders.onStatus(status -> {
                String line = status.state() == ConnectionStatus.State.CONNECTED ? "" : status.describe();
                Platform.runLater(() -> connection.accept(line));
            });
        }
        return folders;
    }

    private HostKeyConsent askInADialog() {
        return (host, keyType, fingerprint) -> onFxThread(() -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The authenticity of host '" + host + "' can't be"
                    + " established.\n" + keyType + " key fingerprint is " + fingerprint + ".\n\nTrust this key and"
                    + " add it to known_hosts?", ButtonType.YES, ButtonType.NO);
            alert.initOwner(owner);
            alert.setTitle("Unknown host key");
            alert.setHeaderText("Connect to " + host + "?");
            return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
        });
    }

    private FilePasswordProvider passphraseInADialog() {
        return (session, resource, retry) -> secretInADialog("Key passphrase", "Passphrase for " + resource.getName());
    }

    /** Asks for a secret in a modal dialog on the FX thread; null when cancelled. */
    private String secretInADialog(String title, String question) {
        return onFxThread(() -> {
            Dialog<String> dialog = new Dialog<>();
            dialog.initOwner(owner);
            dialog.setTitle(title);
            dialog.setHeaderText(question);
            PasswordField field = new PasswordField();
            dialog.getDialogPane().setContent(field);
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
            Optional<String> typed = dialog.showAndWait();
            return typed.orElse(null);
        });
    }

    /** Runs {@code question} on the FX thread and waits for its answer (called from the connecting thread). */
    private static <T> T onFxThread(java.util.function.Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }

    @Override
    public synchronized void close() throws java.io.IOException {
        if (folders != null) {
            folders.close();
            folders = null;
        }
    }
}
