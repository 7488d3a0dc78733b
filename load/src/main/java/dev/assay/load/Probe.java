package dev.assay.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operating system and the JVM say about a process: CPU time from {@code /proc/<pid>/stat} (user
 * plus system, in clock ticks of 10 ms), and the live heap after a full collection, from {@code jcmd}.
 */
final class Probe {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private Probe() {
    }

    /** CPU seconds the process has used so far, or -1 if it cannot be read. */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime); f[0] is field 3.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The pid of the first process with this exact command name, or -1. */
    static long pidOf(String command) {
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(dir.resolve("comm")).trim().equals(command)) {
                        return Long.parseLong(dir.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The live heap in KB, or -1: the total of a class histogram, which the JVM takes at a safepoint right after
     * a full collection. (Reading the heap's use after a separate {@code GC.run} counts what the application
     * allocated in between, hundreds of MB a second under load.)
     */
    static long liveHeapKb(String jcmd, long pid) {
        String histogram = jcmd(jcmd, pid, "GC.class_histogram");
        Matcher m = TOTAL.matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    /** Runs a diagnostic command in the process (a JFR recording, a class histogram); returns its output, or "" on failure. */
    static String jcmd(String jcmd, long pid, String... args) {
        if (pid <= 0) {
            return "";
        }
        List<String> command = new java.util.ArrayList<>(List.of(jcmd, String.valueOf(pid)));
        command.addAll(List.of(args));
        try {
            return run(command);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
