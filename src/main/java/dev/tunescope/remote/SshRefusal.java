package dev.tunescope.remote;

import java.io.IOException;

/**
 * The host answered and refused: authentication failed, or its host key is unknown or changed. Trying again cannot
 * change that answer, so a dropped connection is not re-opened after one.
 */
final class SshRefusal extends IOException {
    SshRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
