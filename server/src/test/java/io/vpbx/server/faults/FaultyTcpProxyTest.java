package io.vpbx.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test harness itself, in front of a one-byte echo server: forward, cut, black hole, delay, restore. */
class FaultyTcpProxyTest {
    private ServerSocket echo;
    private Thread echoThread;
    private FaultyTcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoThread = Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            for (int b = in.read(); b >= 0; b = in.read()) {
                                out.write(b);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the proxy reset it
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = FaultyTcpProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(1_000);
        return socket;
    }

    private static int roundTrip(Socket socket, int value) throws IOException {
        socket.getOutputStream().write(value);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    @Test
    void forwardsUntilCutThenResetsOpenAndNewConnectionsUntilRestored() throws IOException {
        try (Socket socket = connect()) {
            assertEquals(7, roundTrip(socket, 7));
            proxy.cut();
            assertThrows(SocketException.class, () -> {
                roundTrip(socket, 8);
                roundTrip(socket, 9);
            });
        }
        try (Socket refused = connect()) {
            assertThrows(IOException.class, () -> {
                int answer = roundTrip(refused, 1);
                if (answer < 0) {
                    throw new SocketException("closed");
                }
            });
        }
        proxy.restore();
        try (Socket socket = connect()) {
            assertEquals(5, roundTrip(socket, 5));
        }
    }

    @Test
    void aBlackHoleAnswersNothingAndNeverCloses() throws IOException {
        try (Socket open = connect()) {
            assertEquals(1, roundTrip(open, 1));
            proxy.blackHole();
            assertThrows(SocketTimeoutException.class, () -> roundTrip(open, 2));
            try (Socket fresh = connect()) {
                assertThrows(SocketTimeoutException.class, () -> roundTrip(fresh, 3));
            }
        }
    }

    @Test
    void aDelayHoldsEachChunk() throws IOException {
        proxy.delay(Duration.ofMillis(300));
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertEquals(4, roundTrip(socket, 4));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(600).toNanos(), "held both ways");
        }
    }
}
