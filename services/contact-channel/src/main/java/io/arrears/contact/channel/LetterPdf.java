package io.arrears.contact.channel;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a letter's HTML into PDF. Chinese letters need a CJK font: the fonts listed in
 * {@code contact.letter.fonts} (or the first of the usual system paths that exists) are embedded.
 */
@ApplicationScoped
public class LetterPdf {

    static final String FAMILY = "ArrearsLetter";
    private static final Logger LOG = Logger.getLogger(LetterPdf.class);
    private static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final List<File> fonts;

    LetterPdf(ContactConfig config) {
        List<String> candidates = config.adapters().letter().fonts().orElse(SYSTEM_FONTS);
        this.fonts = candidates.stream().map(File::new).filter(File::isFile).filter(f -> !f.getName().endsWith(".ttc")).toList();
        if (fonts.isEmpty()) {
            LOG.warn("no letter font found (contact.adapters.letter.fonts); letters print in the PDF base fonts, without CJK glyphs");
        }
    }

    /** The CSS font-family the letter layout should use. */
    public String fontFamily() {
        return fonts.isEmpty() ? "serif" : FAMILY + ", serif";
    }

    public byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (File font : fonts) {
                builder.useFont(font, FAMILY);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
