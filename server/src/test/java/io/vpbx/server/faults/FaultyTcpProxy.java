package io.vpbx.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy between vpbx and its database that a test can break: {@link #cut()} resets every connection and
 * every new one (the database gone), {@link #blackHole()} accepts connections but forwards nothing either way
 * (a dead route: the client only learns by its own timeouts), {@link #delay} holds each chunk before forwarding
 * (a slow database), {@link #restore()} forwards again. The shared PostgreSQL itself is never touched.
 *
 * <p>Plain blocking sockets on virtual threads, two per connection: the socket is the point here.
 */
public final class FaultyTcpProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultyTcpProxy.class);
    private static final int CHUNK = 64 * 1024;
    private static final long BLACK_HOLE_POLL_MILLIS = 20;

    /** What the proxy does with the bytes it is given. */
    public enum Mode { FORWARD, BLACK_HOLE, CUT }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile Mode mode = Mode.FORWARD;
    private volatile long delayMillis;
    private volatile boolean closed;

    private FaultyTcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    }

    /** A proxy on an ephemeral loopback port that forwards to {@code host:port}. */
    public static FaultyTcpProxy to(String host, int port) {
        try {
            FaultyTcpProxy proxy = new FaultyTcpProxy(new InetSocketAddress(host, port));
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy's port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far, whatever became of them. */
    public long accepted() {
        return accepted.get();
    }

    public Mode mode() {
        return mode;
    }

    /** Resets every open connection (RST, not FIN) and every new one until {@link #restore()}. */
    public void cut() {
        mode = Mode.CUT;
        open.forEach(FaultyTcpProxy::reset);
        open.clear();
        log.info("proxy to {} cut", target);
    }

    /** Forwards nothing more on open connections and accepts new ones without ever connecting them. */
    public void blackHole() {
        mode = Mode.BLACK_HOLE;
        log.info("proxy to {} black-holed", target);
    }

    /** Holds every chunk {@code delay} before forwarding it (in both directions). */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Forwards again, at once; connections black-holed meanwhile stay stuck until their client gives up. */
    public void restore() {
        delayMillis = 0;
        mode = Mode.FORWARD;
        log.info("proxy to {} restored", target);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("proxy accept failed", e);
                }
                return;
            }
            accepted.incrementAndGet();
            switch (mode) {
                case CUT -> reset(client);
                case BLACK_HOLE -> open.add(client); // held open, never connected
                case FORWARD -> threads.execute(() -> connect(client));
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 2_000);
        } catch (IOException e) {
            reset(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                while (mode == Mode.BLACK_HOLE && !closed) {
                    Thread.sleep(BLACK_HOLE_POLL_MILLIS);
                }
                if (mode == Mode.CUT || closed) {
                    break;
                }
                long delay = delayMillis;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away; close both below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST: what a dead server's kernel or a firewall sends
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(FaultyTcpProxy::reset);
        threads.shutdownNow();
    }
}
