package io.vpbx.admin.domain.account;

/**
 * A freshly generated API key. {@code secret} is shown to its holder once and never stored;
 * {@code hash} is what is kept. {@code prefix} identifies the key in listings without revealing it.
 */
public record ApiKey(String id, String secret, String hash, String prefix) {
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", prefix=" + prefix + "]";
    }
}
