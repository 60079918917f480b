package io.arrears.local.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and memory of each process of the local system, read from /proc as top would: the pid files
 * the launcher writes, each with its children (the infrastructure process runs the broker's JVM and
 * PostgreSQL's server processes under it).
 */
final class ProcessMeter {

    private static final long TICKS_PER_SECOND = 100;

    record Usage(double cpuSeconds, long rssBytes) {
    }

    private final Path runDir;

    ProcessMeter(Path runDir) {
        this.runDir = runDir;
    }

    /** Per process name (the pid file's), CPU seconds used so far and resident memory now. */
    Map<String, Usage> sample() throws IOException {
        Map<Integer, Integer> parents = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] stat = stat(Integer.parseInt(p.getFileName().toString()));
                if (stat != null) {
                    parents.put(Integer.parseInt(p.getFileName().toString()), Integer.parseInt(stat[1]));
                }
            });
        }
        Map<String, Usage> usage = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                int root = Integer.parseInt(Files.readString(pidFile).trim());
                double cpu = 0;
                long rss = 0;
                for (int pid : treeOf(root, parents)) {
                    String[] stat = stat(pid);
                    if (stat != null) {
                        // utime, stime, cutime, cstime: fields 14 to 17, here 11 to 14 after the command is cut off.
                        cpu += (Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]))
                                / (double) TICKS_PER_SECOND;
                        rss += Long.parseLong(stat[21]) * 4096;
                    }
                }
                usage.put(name, new Usage(cpu, rss));
            }
        }
        return usage;
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

    /** The fields of /proc/pid/stat after "(command)", which may itself hold spaces: [0] is the state. */
    private static String[] stat(int pid) {
        try {
            String text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
