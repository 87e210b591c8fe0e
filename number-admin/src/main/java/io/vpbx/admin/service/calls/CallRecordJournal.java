package io.vpbx.admin.service.calls;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.telephony.cdr.CallRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call records that could not be written while the database was down, on local disk: one JSON line per record,
 * appended and forced to disk, so that neither a long outage nor a restart loses them. {@link #replay} hands them
 * back in batches; the file goes only once every batch was written, and a replay cut short is repeated from the
 * start (the database ignores the records it already has: one row per call).
 *
 * <p>Only the call record writer's own thread touches it (and start/close, before and after that thread).
 */
public final class CallRecordJournal {
    private static final Logger log = LoggerFactory.getLogger(CallRecordJournal.class);

    private final Path file;
    private final ObjectMapper mapper;
    private long records;

    public CallRecordJournal(Path file, ObjectMapper mapper) {
        this.file = file;
        // a later version may add fields to a record; an older journal line still reads
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.records = countLines();
        if (records > 0) {
            log.warn("{} call records in the journal {} from an earlier outage; written once the database answers", records, file);
        }
    }

    /** Records in the journal now. */
    public synchronized long size() {
        return records;
    }

    /** Appends {@code batch} and forces it to disk before returning. */
    public synchronized void append(List<CallRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(batch.size() * 512);
        try {
            for (CallRecord record : batch) {
                lines.append(mapper.writeValueAsString(record)).append('\n');
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the call record journal " + file, e);
        }
        records += batch.size();
    }

    /**
     * Hands the journal's records to {@code write} in batches of at most {@code batchSize}, in the order they came;
     * when every batch was written ({@code write} returned true) the journal is emptied and this returns true. The
     * first batch not written stops the replay and leaves the journal as it is. A torn last line (the process died
     * while appending it, before the append returned: that record was only in memory and is lost) is skipped.
     */
    public synchronized boolean replay(int batchSize, Predicate<List<CallRecord>> write) {
        if (records == 0) {
            return true;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CallRecord> batch = new ArrayList<>(batchSize);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                CallRecord record = parse(line);
                if (record != null) {
                    batch.add(record);
                }
                if (batch.size() == batchSize) {
                    if (!write.test(batch)) {
                        return false;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty() && !write.test(batch)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the call record journal " + file, e);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the replayed call record journal " + file, e);
        }
        log.info("{} journaled call records written; journal {} removed", records, file);
        records = 0;
        return true;
    }

    private CallRecord parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(line, CallRecord.class);
        } catch (IOException e) {
            log.warn("skipping an unreadable line of the call record journal {} (torn by a crash?)", file);
            return null;
        }
    }

    private long countLines() {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the call record journal " + file, e);
        }
    }
}
