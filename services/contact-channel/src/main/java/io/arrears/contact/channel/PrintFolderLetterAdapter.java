package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.arrears.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Letters as PDF files in the print house's drop folder, {@code <folder>/<day>/<reminder-id>.pdf}.
 * A file appears whole (written aside, then renamed) or not at all, so the folder itself answers
 * whether a letter was handed over, and {@link LetterManifest} lists each day's letters.
 */
@ApplicationScoped
class PrintFolderLetterAdapter implements ChannelAdapter {

    private final Path folder;
    private final LetterPdf pdf;
    private final Clock clock;
    private final ZoneId zone;

    PrintFolderLetterAdapter(ContactConfig config, LetterPdf pdf, Clock clock) {
        this.folder = Path.of(config.adapters().letter().dropFolder());
        this.pdf = pdf;
        this.clock = clock;
        this.zone = ZoneId.of(config.defaultTimezone());
    }

    @Override
    public String name() {
        return "print-folder";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        LocalDate day = LocalDate.now(clock.withZone(zone));
        byte[] document;
        try {
            document = pdf.render(message.notice(), addressLines(message.to().recipientName(), message.to().address()),
                    "Ref. " + message.reminderId(), day.toString());
        } catch (LetterPdf.UndrawableTextException e) {
            // A name or address in a script the fonts lack: printing it would show boxes, so a person must look.
            return SendResult.rejected(e.getMessage());
        }
        try {
            Path dayFolder = Files.createDirectories(folder.resolve(day.toString()));
            Path target = dayFolder.resolve(fileName(message.reminderId()));
            Path partial = dayFolder.resolve(".partial-" + fileName(message.reminderId()));
            Files.write(partial, document);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return SendResult.accepted(folder.relativize(target).toString());
        } catch (IOException e) {
            return SendResult.transientFailure("print drop folder: " + e.getMessage());
        }
    }

    @Override
    public Lookup lookup(String reminderId) {
        if (!Files.isDirectory(folder)) {
            return Lookup.notFound();
        }
        try (Stream<Path> days = Files.list(folder)) {
            Optional<Path> found = days.map(d -> d.resolve(fileName(reminderId))).filter(Files::isRegularFile).findFirst();
            return found.map(p -> Lookup.found(folder.relativize(p).toString())).orElseGet(Lookup::notFound);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    static String fileName(String reminderId) {
        return reminderId.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** The name, then the address lines as core banking sent them, as a window envelope shows them. */
    static List<String> addressLines(String name, String addressJson) {
        List<String> lines = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            lines.add(name);
        }
        var address = EventJson.parse(addressJson.getBytes(StandardCharsets.UTF_8));
        address.path("lines").forEach(l -> lines.add(l.asText()));
        String cityLine = String.join(" ", Stream.of(address.path("postalCode").asText(""), address.path("city").asText(""))
                .filter(s -> !s.isBlank()).toList());
        if (!cityLine.isBlank()) {
            lines.add(cityLine);
        }
        Stream.of(address.path("region").asText(""), address.path("country").asText("")).filter(s -> !s.isBlank()).forEach(lines::add);
        return lines;
    }
}
