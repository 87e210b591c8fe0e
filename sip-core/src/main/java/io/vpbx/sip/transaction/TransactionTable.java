package io.vpbx.sip.transaction;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transactions of one event loop, keyed per RFC 3261 sections 17.1.3 and 17.2.3, bounded by
 * {@code maxTransactions} (client and server together). A transaction leaves the table when it
 * terminates. Confined to its event loop: no locking.
 */
public final class TransactionTable<M extends SipMessageView> {

    /** RFC 3261 section 8.1.1.7: a branch starting with this was built to be unique. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private final int maxTransactions;
    private final TransactionContext<M> context;
    private final Map<ClientTransactionKey, ClientTransaction<M>> clients = new HashMap<>();
    private final Map<ServerTransactionKey, ServerTransaction<M>> servers = new HashMap<>();
    private long rejectedFull;

    public TransactionTable(int maxTransactions, TransactionContext<M> context) {
        if (maxTransactions <= 0) {
            throw new IllegalArgumentException("maxTransactions must be positive: " + maxTransactions);
        }
        this.maxTransactions = maxTransactions;
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Creates, registers and starts the client transaction for an outgoing request (not ACK: the
     * ACK for a non-2xx belongs to its INVITE transaction, the ACK for a 2xx to the TU).
     *
     * @param owner hears of its responses, timeout and transport error from the start
     * @return the started transaction, or empty if the table is full (counted)
     * @throws IllegalStateException if a transaction with the same branch and method exists
     */
    public Optional<ClientTransaction<M>> startClient(M request, Transport<M> transport, TransactionOwner<M> owner) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(transport, "transport");
        if (!request.isRequest() || "ACK".equals(request.method())) {
            throw new IllegalArgumentException("a client transaction starts with a non-ACK request");
        }
        if (!hasCookie(request.topViaBranch())) {
            throw new IllegalArgumentException("branch must start with " + MAGIC_COOKIE + ": " + request.topViaBranch());
        }
        ClientTransactionKey key = ClientTransactionKey.ofRequest(request);
        if (clients.containsKey(key)) {
            throw new IllegalStateException("duplicate client transaction " + key);
        }
        if (isFull()) {
            rejectedFull++;
            return Optional.empty();
        }
        TransactionOrigin<M> origin = new TransactionOrigin<>(request, transport, context, done -> clients.remove(key, done));
        ClientTransaction<M> transaction = "INVITE".equals(request.method())
                ? new InviteClientTransaction<>(origin)
                : new NonInviteClientTransaction<>(origin);
        transaction.owner(owner);
        clients.put(key, transaction);
        transaction.start();
        return Optional.of(transaction);
    }

    /** As {@link #startClient(SipMessageView, Transport, TransactionOwner)} for a request whose answer nobody awaits. */
    public Optional<ClientTransaction<M>> startClient(M request, Transport<M> transport) {
        return startClient(request, transport, TransactionOwner.none());
    }

    /**
     * Routes an incoming request: to its server transaction if it matches one, otherwise to a new
     * one (which hands it to the TU).
     *
     * @param transport the flow responses go back on
     */
    public RequestDisposition receiveRequest(M request, Transport<M> transport) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(transport, "transport");
        if (!request.isRequest()) {
            throw new IllegalArgumentException("not a request: " + request);
        }
        ServerTransactionKey key = ServerTransactionKey.of(request);
        if (key == null) {
            return RequestDisposition.NOT_RFC3261;
        }
        ServerTransaction<M> existing = servers.get(key);
        if (existing != null) {
            existing.receiveRequest(request);
            return RequestDisposition.MATCHED;
        }
        if ("ACK".equals(request.method())) {
            return RequestDisposition.STRAY_ACK;
        }
        if (isFull()) {
            rejectedFull++;
            return RequestDisposition.REJECTED_FULL;
        }
        TransactionOrigin<M> origin = new TransactionOrigin<>(request, transport, context, done -> servers.remove(key, done));
        ServerTransaction<M> transaction = "INVITE".equals(request.method())
                ? new InviteServerTransaction<>(origin)
                : new NonInviteServerTransaction<>(origin);
        servers.put(key, transaction);
        transaction.start();
        return RequestDisposition.CREATED;
    }

    /** Whether {@code request} belongs to a server transaction already held (a retransmission). */
    public boolean holdsServerTransaction(M request) {
        return hasCookie(request.topViaBranch()) && request.topViaSentBy() != null
                && servers.containsKey(ServerTransactionKey.of(request));
    }

    /**
     * Routes an incoming response to its client transaction.
     *
     * @return false if none matches (a stray response, or a 2xx retransmission after the INVITE
     *     client transaction terminated): the core decides
     */
    public boolean receiveResponse(M response) {
        Objects.requireNonNull(response, "response");
        if (response.isRequest()) {
            throw new IllegalArgumentException("not a response: " + response);
        }
        if (response.topViaBranch() == null || response.cseqMethod() == null) {
            return false;
        }
        ClientTransaction<M> transaction = clients.get(ClientTransactionKey.ofResponse(response));
        if (transaction == null) {
            return false;
        }
        transaction.receiveResponse(response);
        return true;
    }

    /**
     * The INVITE server transaction a CANCEL cancels (RFC 3261 sections 9.2 and 17.2.3): same
     * branch and sent-by, method INVITE. The CANCEL itself gets its own non-INVITE transaction.
     */
    public Optional<InviteServerTransaction<M>> findCancelTarget(M cancel) {
        Objects.requireNonNull(cancel, "cancel");
        if (!cancel.isRequest() || !"CANCEL".equals(cancel.method())) {
            throw new IllegalArgumentException("not a CANCEL: " + cancel);
        }
        ServerTransactionKey key = ServerTransactionKey.cancelTarget(cancel);
        if (key == null) {
            return Optional.empty();
        }
        ServerTransaction<M> target = servers.get(key);
        if (target instanceof InviteServerTransaction) {
            return Optional.of((InviteServerTransaction<M>) target);
        }
        return Optional.empty();
    }

    /** Live transactions, client and server. */
    public int size() {
        return clients.size() + servers.size();
    }

    public int maxTransactions() {
        return maxTransactions;
    }

    /** Requests refused because the table was full, since creation. */
    public long rejectedFull() {
        return rejectedFull;
    }

    private boolean isFull() {
        return size() >= maxTransactions;
    }

    private static boolean hasCookie(String branch) {
        return branch != null && branch.startsWith(MAGIC_COOKIE);
    }
}
