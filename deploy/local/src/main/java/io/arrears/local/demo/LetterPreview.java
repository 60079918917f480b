package io.arrears.local.demo;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The month's summary shows one Chinese letter as the cardholder gets it: its opening lines read
 * back from the PDF, and its first page as a picture beside the demo's logs.
 */
final class LetterPreview {

    private LetterPreview() {
    }

    static void show(Path printDrop, Path pictureFolder, PrintStream out) {
        Optional<Path> letter = firstChineseLetter(printDrop);
        if (letter.isEmpty()) {
            out.println("  no Chinese letter was printed this month");
            return;
        }
        try (PDDocument document = PDDocument.load(letter.get().toFile())) {
            Path png = pictureFolder.resolve("letter-zh-CN.png");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB), "png", png.toFile());
            out.println("  a letter in Chinese, " + printDrop.relativize(letter.get()) + ", page 1 as a picture: " + png);
            text(document).lines().map(String::strip).filter(l -> !l.isEmpty()).skip(4).limit(4).forEach(l -> out.println("    " + l));
        } catch (IOException e) {
            out.println("  the letter " + letter.get() + " could not be read: " + e.getMessage());
        }
    }

    private static Optional<Path> firstChineseLetter(Path printDrop) {
        if (!Files.isDirectory(printDrop)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(printDrop)) {
            return files.filter(p -> p.toString().endsWith(".pdf") && !p.getFileName().toString().startsWith(".")).sorted()
                    .filter(LetterPreview::isChinese).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isChinese(Path pdf) {
        try (PDDocument document = PDDocument.load(pdf.toFile())) {
            return text(document).contains("尊敬的");
        } catch (IOException e) {
            return false;
        }
    }

    private static String text(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setEndPage(1);
        return stripper.getText(document);
    }
}
