package io.arrears.contact.channel;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.template.LetterTypeface;
import io.arrears.contact.template.NoticeTemplates;
import io.arrears.contact.template.RenderedNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A letter as PDF: the notice poured into the letter layout, with {@link LetterFonts} embedded.
 * Text that no font can draw is refused before rendering, naming the character, because the
 * renderer itself would print '#' in its place and say nothing.
 */
@ApplicationScoped
class LetterPdf {

    private final NoticeTemplates templates;
    private final LetterFonts fonts;

    @Inject
    LetterPdf(NoticeTemplates templates, ContactConfig config) {
        this(templates, LetterFonts.withFiles(config.adapters().letter().fonts().orElse(List.of()).stream().map(Path::of).toList()));
    }

    public LetterPdf(NoticeTemplates templates, LetterFonts fonts) {
        this.templates = templates;
        this.fonts = fonts;
    }

    @Produces
    LetterTypeface typeface() {
        return fonts;
    }

    /** The PDF of one letter, or {@link UndrawableTextException} when a character of it cannot be printed. */
    public byte[] render(RenderedNotice given, List<String> givenAddress, String reference, String date) {
        // NFC turns a compatibility ideograph into the unified one the fonts draw and the text layer names.
        RenderedNotice notice = new RenderedNotice(given.templateId(), given.language(), nfc(given.subject()), given.shortText(),
                given.paragraphs().stream().map(LetterPdf::nfc).toList());
        List<String> addressLines = givenAddress.stream().map(LetterPdf::nfc).toList();
        List<String> texts = new ArrayList<>(addressLines);
        texts.add(notice.subject());
        texts.addAll(notice.paragraphs());
        texts.add(reference);
        for (String text : texts) {
            OptionalInt missing = fonts.firstUndrawable(text);
            if (missing.isPresent()) {
                throw new UndrawableTextException(missing.getAsInt());
            }
        }
        return toPdf(templates.letterHtml(notice, addressLines, reference, date, fonts.cssFamilies()));
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private byte[] toPdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.registerWith(builder);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A letter holds a character no letter font has; printing it would show a box or '#'. */
    public static final class UndrawableTextException extends RuntimeException {

        UndrawableTextException(int codePoint) {
            super("the letter fonts cannot draw " + LetterTypeface.describe(codePoint));
        }
    }
}
