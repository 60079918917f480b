package io.arrears.local.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A benchmark's targets ({@code bench/targets.properties}, {@code bench/month-targets.properties}): each key names a figure the run
 * measured, with {@code .max} or {@code .min}. The report says which were met; it never fails a build,
 * because speed is measured here, not asserted in tests.
 */
public final class Targets {

    private final Properties targets;

    private Targets(Properties targets) {
        this.targets = targets;
    }

    public static Targets load(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the targets in " + file, e);
        }
        return new Targets(p);
    }

    /** The bound a key (a figure with {@code .min} or {@code .max}) sets, if the file names it. */
    public java.util.OptionalDouble bound(String key) {
        String value = targets.getProperty(key);
        return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Double.parseDouble(value.trim()));
    }

    public void report(PrintStream out, Map<String, Double> measured) {
        out.println();
        out.printf("Targets %-40s %12s %12s%n", "", "measured", "target");
        for (String key : new TreeSet<>(targets.stringPropertyNames())) {
            boolean max = key.endsWith(".max");
            String figure = key.substring(0, key.lastIndexOf('.'));
            double target = Double.parseDouble(targets.getProperty(key).trim());
            Double value = measured.get(figure);
            String verdict = value == null ? "not measured" : (max ? value <= target : value >= target) ? "met" : "MISSED";
            out.printf("  %-46s %12s %12s  %s%n", figure, value == null ? "-" : String.format("%,.0f", value),
                    (max ? "<= " : ">= ") + String.format("%,.0f", target), verdict);
        }
    }
}
