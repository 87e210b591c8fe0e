package io.vpbx.sip.uas;

import java.util.Optional;

/**
 * An account's employees by their short extension: where a scenario's {@code collect} step with {@code extension}
 * sends the caller. Called on the SIP event loop; reads memory, never blocks.
 */
@FunctionalInterface
public interface ExtensionDirectory {

    /** The employee of {@code accountId} whose extension is {@code extension}, if any. */
    Optional<String> employee(String accountId, String extension);
}
