import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes allocated per call, and where, from a JFR recording of a fixed-rate SIPp run (not a test; run by
 * bench/gc-compare.sh with ALLOC_S, or by hand):
 *
 * <pre>
 * java bench/JfrAllocation.java RECORDING.jfr CALLS [TOP=25]
 * </pre>
 *
 * Whole-JVM allocation comes from jdk.ThreadAllocationStatistics (each thread's allocated bytes, last value
 * minus first in the recording); the sites from jdk.ObjectAllocationSample, whose weight estimates the bytes
 * allocated since the previous sample of that thread (a thread's first sample is left out: it weighs all that
 * thread allocated before the recording), summed by the allocating frame, by the first vpbx frame on the stack
 * (the code that caused it), and by class. Samples come at TLAB refills, so a run needs some thousands of them
 * (tens of seconds at 1,000 calls/s) before sites of a few percent are told apart. Bytes per call do not depend on the machine's load the
 * way timings do, so they can be compared between runs on a busy machine.
 */
public final class JfrAllocation {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double calls = Double.parseDouble(args[1]);
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<Long, long[]> firstLast = new HashMap<>();
        Map<Long, String> threadNames = new HashMap<>();
        Map<String, Double> bySite = new HashMap<>();
        Map<String, Double> byVpbxFrame = new HashMap<>();
        Map<String, Double> byClass = new HashMap<>();
        Map<String, Double> byPath = new HashMap<>();
        Map<String, Double> byThread = new HashMap<>();
        Set<Long> sampledThreads = new HashSet<>();
        double sampled = 0;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ThreadAllocationStatistics" -> {
                    if (event.getThread("thread") == null) {
                        continue;
                    }
                    long id = event.getThread("thread").getJavaThreadId();
                    threadNames.put(id, threadGroup(event.getThread("thread").getJavaName()));
                    long allocated = event.getLong("allocated");
                    long[] range = firstLast.computeIfAbsent(id, k -> new long[] {allocated, allocated});
                    range[0] = Math.min(range[0], allocated);
                    range[1] = Math.max(range[1], allocated);
                }
                case "jdk.ObjectAllocationSample" -> {
                    // a thread's first sample weighs everything it allocated before the recording began
                    if (event.getThread() == null || sampledThreads.add(event.getThread().getJavaThreadId())) {
                        continue;
                    }
                    double weight = event.getLong("weight");
                    sampled += weight;
                    samples++;
                    String type = event.getClass("objectClass") == null ? "?" : event.getClass("objectClass").getName();
                    byClass.merge(type, weight, Double::sum);
                    byThread.merge(threadGroup(event.getThread().getJavaName()), weight, Double::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
                    String site = frames.isEmpty() ? "?" : frame(frames.get(0));
                    String vpbx = frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.vpbx."))
                            .findFirst().map(JfrAllocation::frame).orElse("(no vpbx frame)");
                    bySite.merge(type + " at " + site + " <- " + vpbx, weight, Double::sum);
                    byPath.merge(frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.vpbx."))
                            .limit(4).map(JfrAllocation::frame).reduce((a, b) -> a + " <- " + b).orElse("(no vpbx frame)"),
                            weight, Double::sum);
                    byVpbxFrame.merge(vpbx, weight, Double::sum);
                }
                default -> { }
            }
        }
        Map<String, Double> threadTotals = new HashMap<>();
        long total = 0;
        for (Map.Entry<Long, long[]> e : firstLast.entrySet()) {
            long delta = e.getValue()[1] - e.getValue()[0];
            total += delta;
            threadTotals.merge(threadNames.get(e.getKey()), (double) delta, Double::sum);
        }
        System.out.printf("ALLOC calls=%.0f jvm_bytes_per_call=%.0f sampled_bytes_per_call=%.0f samples=%d"
                + " (thread statistics; sample weights)%n", calls, total / calls, sampled / calls, samples);
        print("by thread (thread statistics)", threadTotals, calls, total, top);
        print("by first vpbx frame on the stack (samples)", byVpbxFrame, calls, sampled, top);
        print("by allocating frame, class and first vpbx frame (samples)", bySite, calls, sampled, top);
        print("by the first four vpbx frames (samples)", byPath, calls, sampled, top);
        print("by class (samples)", byClass, calls, sampled, top);
        print("by thread (samples)", byThread, calls, sampled, top);
    }

    private static void print(String title, Map<String, Double> bytes, double calls, double total, int top) {
        System.out.println("== " + title + ": bytes per call, share");
        bytes.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> System.out.printf("%9.0f %5.1f%%  %s%n", e.getValue() / calls, 100 * e.getValue() / total, e.getKey()));
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    /** Thread names without their running numbers, so that pool threads add up. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+$", "");
    }
}
