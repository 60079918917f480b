package io.arrears.local.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time and memory of each process of the local system, read from /proc as top would: the pid files
 * the launcher writes, each with its children (the infrastructure process runs the broker's JVM under it),
 * and PostgreSQL, found by its own pid file: its server leaves the launcher's tree when it starts (pg_ctl
 * detaches it), so its CPU is counted by following the postmaster and its backends. Of the CPU, the share of
 * the JVM's own threads is counted apart: the just-in-time compilers, and the VM and collector threads, so a
 * run shows what warming up cost.
 */
final class ProcessMeter {

    private static final long TICKS_PER_SECOND = 100;

    /** {@code jitSeconds}: the compiler threads'; {@code vmSeconds}: the VM thread's and the collectors' (the serial collector runs in the VM thread). */
    record Usage(double cpuSeconds, double jitSeconds, double vmSeconds, long rssBytes) {
    }

    /** The whole machine's CPU from /proc/stat, and of it the seconds this process (the benchmark) used. */
    record Machine(double busySeconds, double totalSeconds, double benchSeconds) {

        double busyPercentSince(Machine before) {
            double total = totalSeconds - before.totalSeconds;
            return total <= 0 ? 0 : 100 * (busySeconds - before.busySeconds) / total;
        }
    }

    private final Path runDir;
    private final Path postgresData;
    /**
     * The last CPU time seen of each compiler, VM and collector thread, by process name and thread id. The JVM
     * starts and stops compiler threads as its queue grows and shrinks; keeping what a thread had used when last
     * seen keeps the sums from falling when one ends (what it used in its last second is not counted).
     */
    private final Map<String, Map<Integer, Double>> jitThreads = new HashMap<>();
    private final Map<String, Map<Integer, Double>> vmThreads = new HashMap<>();

    /** {@code postgresData}: the server's data directory, where it keeps {@code postmaster.pid}. */
    ProcessMeter(Path runDir, Path postgresData) {
        this.runDir = runDir;
        this.postgresData = postgresData;
    }

    /** Per process name (the pid file's), CPU seconds used so far and resident memory now. */
    Map<String, Usage> sample() throws IOException {
        Map<Integer, Integer> parents = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] stat = stat(p);
                if (stat != null) {
                    parents.put(Integer.parseInt(p.getFileName().toString()), Integer.parseInt(stat[1]));
                }
            });
        }
        Map<String, Integer> roots = new LinkedHashMap<>();
        // PostgreSQL first: should its server ever start inside the launcher's tree, it is counted once, as itself.
        postmaster().ifPresent(pid -> roots.put("postgres", pid));
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                roots.put(pidFile.getFileName().toString().replace(".pid", ""), Integer.parseInt(Files.readString(pidFile).trim()));
            }
        }
        Map<String, Usage> usage = new LinkedHashMap<>();
        Set<Integer> counted = new HashSet<>();
        roots.forEach((name, root) -> {
            double cpu = 0;
            long rss = 0;
            for (int pid : treeOf(root, parents)) {
                if (!counted.add(pid)) {
                    continue;
                }
                String[] stat = stat(Path.of("/proc", Integer.toString(pid)));
                if (stat != null) {
                    // utime, stime, cutime, cstime: fields 14 to 17, here 11 to 14 after the command is cut off. A backend that
                    // has ended is in its postmaster's cutime and cstime, as the postmaster waits for each.
                    cpu += (Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]))
                            / (double) TICKS_PER_SECOND;
                    rss += Long.parseLong(stat[21]) * 4096;
                    jvmThreads(pid, jitThreads.computeIfAbsent(name, n -> new HashMap<>()), vmThreads.computeIfAbsent(name, n -> new HashMap<>()));
                }
            }
            // A process that has already ended has no threads to count.
            usage.put(name, new Usage(cpu, sum(jitThreads.getOrDefault(name, Map.of())), sum(vmThreads.getOrDefault(name, Map.of())), rss));
        });
        return usage;
    }

    /** The PostgreSQL server's pid: the first line of {@code postmaster.pid}, while the server runs. */
    private Optional<Integer> postmaster() {
        try {
            List<String> lines = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(0).trim()));
        } catch (IOException | NumberFormatException notRunning) {
            return Optional.empty();
        }
    }

    /**
     * CPU time of every core so far: busy (user, nice, system, interrupts, steal) and in all (with idle and
     * iowait), and this process's own, which the pid files do not name: it reads every topic of the run.
     */
    static Machine machine() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        long total = 0;
        // cpu user nice system idle iowait irq softirq steal: guest time is already counted in user.
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
            long ticks = Long.parseLong(cpu[i]);
            total += ticks;
            busy += i == 4 || i == 5 ? 0 : ticks;
        }
        String[] own = stat(Path.of("/proc/self"));
        double bench = own == null ? 0 : (Long.parseLong(own[11]) + Long.parseLong(own[12])) / (double) TICKS_PER_SECOND;
        return new Machine(busy / (double) TICKS_PER_SECOND, total / (double) TICKS_PER_SECOND, bench);
    }

    private static List<Integer> treeOf(int root, Map<Integer, Integer> parents) {
        List<Integer> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            int parent = tree.get(i);
            parents.forEach((pid, ppid) -> {
                if (ppid == parent && !tree.contains(pid)) {
                    tree.add(pid);
                }
            });
        }
        return tree;
    }

    /** Notes the CPU seconds used so far by the process's compiler threads and by its VM and collector threads, by their names. */
    private static void jvmThreads(int pid, Map<Integer, Double> jit, Map<Integer, Double> vm) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String name = comm(task);
                Map<Integer, Double> kind = name.contains("CompilerThre") ? jit
                        : name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ") ? vm : null;
                String[] stat = kind == null ? null : stat(task);
                if (stat != null) {
                    kind.put(Integer.parseInt(task.getFileName().toString()),
                            (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / (double) TICKS_PER_SECOND);
                }
            });
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading: it has nothing more to count.
        }
    }

    private static double sum(Map<Integer, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** The fields of a process's or thread's stat after "(command)", which may itself hold spaces: [0] is the state. */
    private static String[] stat(Path proc) {
        try {
            String text = Files.readString(proc.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
