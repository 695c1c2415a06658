package dev.tunescope.remote;

/**
 * Asks the user whether to trust a host key that is not in {@code known_hosts} yet, as OpenSSH does ("The
 * authenticity of host ... can't be established"). Nothing is ever accepted without an answer: {@link #REFUSE} is
 * what runs where nobody can be asked.
 */
@FunctionalInterface
public interface HostKeyConsent {
    HostKeyConsent REFUSE = (host, keyType, fingerprint) -> false;

    /**
     * @param host        as OpenSSH writes it in known_hosts ({@code gpu-box} or {@code [gpu-box]:2222})
     * @param fingerprint e.g. {@code SHA256:...}
     * @return true to trust the key; it is then added to known_hosts
     */
    boolean accept(String host, String keyType, String fingerprint);
}
