package io.vpbx.server.baresip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real phone for the media tests: baresip (Debian's package) calls a SIP URI from 127.0.0.1 with PCMU or PCMA,
 * speaks a WAV file (module aufile; the call is hung up when the file ends) and keeps what it hears (module
 * sndfile writes the decoded audio of the call to a WAV file). One process per call, stopped by its pid.
 */
public final class BaresipCaller {

    /**
     * What one call left behind.
     *
     * @param heard the WAV file of what the caller heard (8 kHz mono 16-bit), empty when no call was set up
     * @param log   everything baresip printed, for assertion messages
     * @param hungUpByFarEnd whether the far end (vpbx) ended the call rather than the caller
     */
    public record Call(Optional<Path> heard, String log, boolean hungUpByFarEnd) {
    }

    private final Path home;

    /** {@code home}: an empty directory of the test's (configuration and recordings go there). */
    public BaresipCaller(Path home) {
        this.home = home;
    }

    /**
     * Calls {@code uri} speaking {@code voice} (8 kHz mono 16-bit WAV) with {@code codec} ("PCMU" or "PCMA");
     * returns when the call ended (either side) or after {@code limit}, whichever is first.
     */
    public Call call(String uri, Path voice, String codec, Duration limit) throws IOException, InterruptedException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path recordings = Files.createDirectories(home.resolve("heard"));
        int sipPort = freeUdpPort();
        int rtpBase = 31000 + 2 * (int) (ProcessHandle.current().pid() % 500);
        Files.writeString(conf.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_transports udp",
                "audio_source aufile," + voice.toAbsolutePath(),
                "audio_alert aufile," + voice.toAbsolutePath(),
                "rtp_ports " + rtpBase + "-" + (rtpBase + 40),
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                "module_app account.so",
                "module_app menu.so",
                "snd_path " + recordings.toAbsolutePath(),
                ""));
        Files.writeString(conf.resolve("accounts"), "<sip:caller@127.0.0.1>;regint=0;audio_codecs=" + codec + "\n");
        Files.writeString(conf.resolve("contacts"), "");
        Process process = new ProcessBuilder("baresip", "-f", conf.toString(), "-e", "/dial " + uri,
                "-t", String.valueOf(limit.toSeconds() + 1)).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        boolean farEnd = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + limit.toNanos();
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.contains("terminated") || line.contains("Call failed") || line.contains("session closed")) {
                    // a BYE from the far end closes the session ("session closed: Connection reset by peer"); when
                    // the caller's file has been spoken, baresip says "menu: audio error (0,end of file)" and hangs up
                    farEnd = line.contains("session closed") && !log.toString().contains("audio error");
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        return new Call(decoded(recordings), log.toString(), farEnd);
    }

    /** sndfile names the file of what was heard dump-<time>-dec.wav. */
    private static Optional<Path> decoded(Path recordings) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(recordings)) {
            files.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).forEach(found::add);
        }
        return found.stream().findFirst();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
