package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Closes each finished day of the drop folder with {@code manifest.csv}: one line per letter with
 * its page count, size and SHA-256, which the print house reconciles its batch against.
 */
@ApplicationScoped
public class LetterManifest {

    static final String FILE = "manifest.csv";

    private final PrintFolderLetterAdapter letters;
    private final Clock clock;
    private final ZoneId zone;

    LetterManifest(PrintFolderLetterAdapter letters, Clock clock, ContactConfig config) {
        this.letters = letters;
        this.clock = clock;
        this.zone = ZoneId.of(config.defaultTimezone());
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeFinishedDays() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Path folder = letters.folder();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> days = Files.list(folder)) {
            days.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .map(LocalDate::parse).filter(d -> d.isBefore(today)).filter(d -> !Files.exists(folder.resolve(d + "/" + FILE)))
                    .forEach(this::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the day's manifest and returns its path. */
    public Path close(LocalDate day) {
        Path dayFolder = letters.folder().resolve(day.toString());
        StringBuilder csv = new StringBuilder("file,reminder_id,pages,bytes,sha256\n");
        try (Stream<Path> files = Files.list(dayFolder)) {
            List<Path> pdfs = files.filter(p -> p.getFileName().toString().endsWith(".pdf"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            for (Path pdf : pdfs) {
                byte[] bytes = Files.readAllBytes(pdf);
                String name = pdf.getFileName().toString();
                csv.append(name).append(',').append(name, 0, name.length() - 4).append(',').append(pages(bytes)).append(',')
                        .append(bytes.length).append(',').append(sha256(bytes)).append('\n');
            }
            Path partial = dayFolder.resolve("." + FILE);
            Files.writeString(partial, csv, StandardCharsets.UTF_8);
            return Files.move(partial, dayFolder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = PDDocument.load(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
