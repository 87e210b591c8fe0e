package io.vpbx.server.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.voicemail.VoicemailService;
import io.vpbx.telephony.voicemail.NewVoicemail;
import io.vpbx.telephony.voicemail.VoicemailSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the call side hands its voicemails: {@link #accept} runs on a Netty event loop and only queues (a bounded
 * queue; when it is full the message is lost, counted and logged, and the call goes on). A writer on a virtual thread
 * stores each message through {@link VoicemailService#store}, which queues its mail in the same transaction; a
 * message that cannot be stored is tried again a few times, then counted lost.
 *
 * <p>Metrics: {@code vpbx.voicemail.stored}, {@code vpbx.voicemail.lost} (reason: queue_full, store_failed, closed),
 * {@code vpbx.voicemail.queue.depth}.
 */
public final class StoredVoicemails implements VoicemailSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoredVoicemails.class);

    /** Messages waiting for the database: each holds its recording (up to about 2 MB at voicemail.max-length 120 s). */
    public static final int QUEUE_CAPACITY = 64;
    /** Tries to store one message before it is counted lost; a database that is down paces them with its pool timeout. */
    public static final int MAX_TRIES = 3;

    private final VoicemailService voicemails;
    private final BlockingQueue<NewVoicemail> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** One message at a time is out of the queue, and only while its holder has this lock (see {@link #flush}). */
    private final ReentrantLock storing = new ReentrantLock();
    private final Counter stored;
    private final Counter lostQueueFull;
    private final Counter lostStoreFailed;
    private final Counter lostClosed;
    private volatile boolean closed;
    private Thread writer;

    public StoredVoicemails(VoicemailService voicemails, MeterRegistry registry) {
        this.voicemails = voicemails;
        this.stored = Counter.builder("vpbx.voicemail.stored").description("voicemails stored with their mail queued")
                .register(registry);
        this.lostQueueFull = lost(registry, "queue_full");
        this.lostStoreFailed = lost(registry, "store_failed");
        this.lostClosed = lost(registry, "closed");
        Gauge.builder("vpbx.voicemail.queue.depth", queue, BlockingQueue::size).description("voicemails waiting to be stored")
                .register(registry);
    }

    private static Counter lost(MeterRegistry registry, String reason) {
        return Counter.builder("vpbx.voicemail.lost").description("voicemails taken but never stored").tag("reason", reason)
                .register(registry);
    }

    /** Queues the message; never blocks, never throws. */
    @Override
    public void accept(NewVoicemail voicemail) {
        if (voicemail == null) {
            return;
        }
        if (closed) {
            lostClosed.increment();
            log.warn("voicemail for {} from {} lost: the server is stopping", voicemail.calledNumber(), voicemail.caller());
        } else if (!queue.offer(voicemail)) {
            lostQueueFull.increment();
            log.warn("voicemail for {} from {} lost: {} messages already wait for the database", voicemail.calledNumber(),
                    voicemail.caller(), QUEUE_CAPACITY);
        }
    }

    /** Starts the writer on a virtual thread. */
    public synchronized void start() {
        if (writer == null && !closed) {
            writer = Thread.ofVirtual().name("vpbx-voicemail-writer").start(this::run);
        }
    }

    private void run() {
        while (!closed) {
            try {
                storing.lockInterruptibly();
                try {
                    NewVoicemail next = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        store(next);
                    }
                } finally {
                    storing.unlock();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stores everything queued now on the caller's thread, after the message in progress; returns how many it took. */
    public int flush() {
        storing.lock();
        try {
            int taken = 0;
            for (NewVoicemail next = queue.poll(); next != null; next = queue.poll()) {
                store(next);
                taken++;
            }
            return taken;
        } finally {
            storing.unlock();
        }
    }

    private void store(NewVoicemail voicemail) {
        for (int tries = 1; ; tries++) {
            try {
                voicemails.store(voicemail);
                stored.increment();
                return;
            } catch (RuntimeException e) {
                if (tries >= MAX_TRIES) {
                    lostStoreFailed.increment();
                    log.error("voicemail for {} from {} lost after {} failed tries to store it", voicemail.calledNumber(),
                            voicemail.caller(), tries, e);
                    return;
                }
                log.warn("storing a voicemail for {} failed (try {} of {}): {}", voicemail.calledNumber(), tries, MAX_TRIES,
                        e.getMessage());
            }
        }
    }

    /** Stops taking messages and stores what is queued. Close after the SIP side, before the database. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = writer;
        }
        if (running != null) {
            try { // the writer sees closed within its poll; interrupting it could break a JDBC call under way
                running.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("voicemail writer closed; {} queued messages stored", flush());
    }
}
