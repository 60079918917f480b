package io.arrears.contact.channel;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.arrears.contact.template.LetterTypeface;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The fonts embedded in every letter, and the answer to "can a letter draw this text?". The renderer
 * would print a character no font has as '#' without a word; asking first turns that into a refusal
 * that names the character, at start-up for templates and per letter for names and addresses.
 *
 * <p>The bundled fonts ship inside the service ({@code src/main/resources/fonts}, licences beside
 * them), so the local run, the tests and the container image print alike. Fonts named in
 * {@code contact.adapters.letter.fonts} come first, for a bank that prints in its own typeface.
 */
public final class LetterFonts implements LetterTypeface {

    /** CSS families: the first that has a character draws it, so Latin text keeps its Latin typeface. */
    static final String LATIN = "ArrearsLatin";
    static final String CJK = "ArrearsCJK";
    static final String CONFIGURED = "ArrearsConfigured";

    private static final List<Bundled> BUNDLED = List.of(
            new Bundled("NotoSans-Regular.ttf", LATIN, 400),
            new Bundled("NotoSans-Bold.ttf", LATIN, 700),
            new Bundled("DroidSansFallbackFull.ttf", CJK, 400));

    private final List<Face> faces;

    private LetterFonts(List<Face> faces) {
        if (faces.isEmpty()) {
            throw new IllegalStateException("no letter font: a letter would print without glyphs");
        }
        this.faces = List.copyOf(faces);
    }

    /** The bundled fonts only. */
    public static LetterFonts bundled() {
        return withFiles(List.of());
    }

    /** Font files (TrueType outlines) first, then the bundled fonts. A file that is not a usable font stops start-up naming it. */
    public static LetterFonts withFiles(List<Path> files) {
        List<Face> faces = new ArrayList<>();
        for (Path file : files) {
            try {
                faces.add(Face.of(file.toString(), CONFIGURED, 400, Files.readAllBytes(file)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("contact.adapters.letter.fonts: " + file + " is not a TrueType font: " + e.getMessage(), e);
            }
        }
        for (Bundled font : BUNDLED) {
            try (InputStream in = LetterFonts.class.getResourceAsStream("/fonts/" + font.file())) {
                if (in == null) {
                    throw new IllegalStateException("bundled letter font fonts/" + font.file() + " is missing from the build");
                }
                faces.add(Face.of(font.file(), font.family(), font.weight(), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LetterFonts(faces);
    }

    /** The CSS font-family list for the letter layout. */
    public String cssFamilies() {
        return faces.stream().map(Face::family).distinct().reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    void registerWith(PdfRendererBuilder builder) {
        for (Face face : faces) {
            builder.useFont(() -> new ByteArrayInputStream(face.bytes()), face.family(), face.weight(), FontStyle.NORMAL, true);
        }
    }

    @Override
    public OptionalInt firstUndrawable(String text) {
        return text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp))
                .filter(cp -> faces.stream().noneMatch(face -> face.draws(cp)))
                .findFirst();
    }

    private record Bundled(String file, String family, int weight) {
    }

    private record Face(String name, String family, int weight, byte[] bytes, CmapLookup cmap) {

        static Face of(String name, String family, int weight, byte[] bytes) throws IOException {
            TrueTypeFont font = new TTFParser().parse(new ByteArrayInputStream(bytes));
            try {
                return new Face(name, family, weight, bytes, font.getUnicodeCmapLookup());
            } finally {
                font.close();
            }
        }

        boolean draws(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }
}
