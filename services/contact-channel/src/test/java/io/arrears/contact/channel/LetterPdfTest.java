package io.arrears.contact.channel;

import io.arrears.contact.template.NoticeData;
import io.arrears.contact.template.NoticeTemplates;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.contact.template.ShippedTemplates;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Letters as the cardholder gets them: every template in every language rendered to PDF with the
 * fonts the service ships, its text read back, and its first page looked at as a picture. The
 * pictures are left in {@code target/letters/} for a person to open.
 */
class LetterPdfTest {

    private static final float DPI = 150;
    private static final NoticeTemplates TEMPLATES = ShippedTemplates.templates();
    private static final LetterPdf PDF = new LetterPdf(TEMPLATES, LetterFonts.bundled());
    private static final Font LATIN = font("NotoSans-Regular.ttf");
    private static final Font LATIN_BOLD = font("NotoSans-Bold.ttf");
    private static final Font CJK = font("DroidSansFallbackFull.ttf");
    /** A character none of the fonts has: Java2D draws the font's own missing-glyph shape for it. */
    private static final String NO_SUCH_GLYPH = "\uD83D\uDCB3";

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return ShippedTemplates.list("contact.templates.ids").stream()
                .flatMap(id -> ShippedTemplates.list("contact.languages").stream().map(language -> Arguments.of(id, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void theLetterReadsBackAsWritten(String templateId, String language) throws IOException {
        RenderedNotice notice = notice(templateId, language);
        List<String> address = address(language);

        String text = text(PDF.render(notice, address, "Ref. R-1001", "2026-11-05"));

        String compact = compact(text);
        assertThat(compact).contains(compact(notice.subject()));
        notice.paragraphs().forEach(p -> assertThat(compact).contains(compact(p)));
        address.forEach(line -> assertThat(compact).contains(compact(line)));
        assertThat(text).doesNotContain("#").doesNotContain("\uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theFirstPageDrawsEveryCharacterInItsOwnShape(String language) throws IOException {
        RenderedNotice notice = notice("formal-letter", language);
        byte[] letter = PDF.render(notice, address(language), "Ref. R-1001", "2026-11-05");

        try (PDDocument document = PDDocument.load(letter)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            Path png = Files.createDirectories(Path.of("target", "letters")).resolve("formal-letter-" + language + ".png");
            ImageIO.write(page, "png", png.toFile());

            assertThat(inkShare(page, 0, 0, page.getWidth(), page.getHeight())).as("share of the page that is ink").isBetween(0.005, 0.2);
            List<TextPosition> glyphs = glyphs(document);
            String drawnText = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
            assertThat(compact(drawnText)).contains(compact(notice.subject())).contains(compact(notice.paragraphs().get(1)));
            int compared = 0;
            for (TextPosition glyph : glyphs) {
                String character = glyph.getUnicode();
                if (character.isBlank() || !Character.isLetterOrDigit(character.codePointAt(0))) {
                    continue;
                }
                BufferedImage drawn = crop(page, glyph);
                Font face = face(glyph, character);
                double likeItself = similarity(drawn, reference(face, character, glyph, drawn));
                // The renderer's own stand-in is '#'; a font's missing-glyph shape (a box) only matters for ideographs,
                // since a box looks much like a Latin '0' or 'o' at this size.
                double likeAFallback = similarity(drawn, reference(LATIN, "#", glyph, drawn));
                if (face == CJK) {
                    likeAFallback = Math.max(likeAFallback, similarity(drawn, reference(CJK, NO_SUCH_GLYPH, glyph, drawn)));
                }
                assertThat(likeItself).as("'%s' at (%.0f, %.0f) looks like itself (%.2f), clearly more than like a fallback glyph (%.2f)",
                        character, glyph.getXDirAdj(), glyph.getYDirAdj(), likeItself, likeAFallback)
                        .isGreaterThan(0.6).isGreaterThan(likeAFallback + 0.1);
                compared++;
            }
            assertThat(compared).isGreaterThan(150);
        }
    }

    @Test
    void aNameNoLetterFontCanDrawIsRefusedNamingTheCharacterInsteadOfPrintingABox() {
        RenderedNotice notice = notice("formal-letter", "zh-CN");

        assertThatThrownBy(() -> PDF.render(notice, List.of("\uD840\uDC00先生", "北京市"), "Ref. R-1001", "2026-11-05"))
                .isInstanceOf(LetterPdf.UndrawableTextException.class)
                .hasMessage("the letter fonts cannot draw '\uD840\uDC00' (U+20000)");
    }

    @Test
    void theFontsDrawTheCharactersChineseLettersAndAddressesUse() {
        LetterFonts fonts = LetterFonts.bundled();

        assertThat(fonts.firstUndrawable("尊敬的赵秀：您尾号4321的信用卡已逾期（35天），逾期金额为261.52CNY；请还款。北京市朝阳区建国路88号 · 《通知》")).isEmpty();
        assertThat(fonts.firstUndrawable("Dear Zoë Müller, €12.50 — “overdue”")).isEmpty();
        assertThat(fonts.firstUndrawable("好\uD83D\uDCB3")).hasValue(0x1F4B3);
    }

    private static RenderedNotice notice(String templateId, String language) {
        NoticeData.PaymentMethods pay = language.equals("zh-CN")
                ? new NoticeData.PaymentMethods("6222 0200 0000 0000（示例银行）", "示例银行手机银行App", List.of("支付宝", "微信支付"))
                : new NoticeData.PaymentMethods("6222 0200 0000 0000 (Sample Bank)", "the Sample Bank app", List.of("Alipay"));
        return TEMPLATES.render(templateId, language, NoticeData.of(NoticeData.sample(), language.equals("zh-CN") ? "赵秀" : "Zhao Xiu", pay));
    }

    private static List<String> address(String language) {
        return language.equals("zh-CN") ? List.of("赵秀", "朝阳区建国路88号", "100022 北京市", "中国") : List.of("Zhao Xiu", "88 Jianguo Road", "100022 Beijing", "China");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(document);
        return glyphs;
    }

    private static Font face(TextPosition glyph, String character) {
        if (LATIN.canDisplay(character.codePointAt(0))) {
            return glyph.getFont().getName().contains("Bold") ? LATIN_BOLD : LATIN;
        }
        return CJK;
    }

    /** The glyph's em box on the page: from an ascent above the baseline to a descent below it. */
    private static BufferedImage crop(BufferedImage page, TextPosition glyph) {
        double scale = DPI / 72.0;
        double size = glyph.getFontSizeInPt();
        int x = (int) Math.floor(glyph.getXDirAdj() * scale);
        int y = (int) Math.floor((glyph.getYDirAdj() - size) * scale);
        int w = Math.max(1, (int) Math.ceil(glyph.getWidthDirAdj() * scale));
        int h = Math.max(1, (int) Math.ceil(size * 1.25 * scale));
        return page.getSubimage(x, y, Math.min(w, page.getWidth() - x), Math.min(h, page.getHeight() - y));
    }

    /** The same character drawn by Java2D with the same font file, size and baseline as on the page. */
    private static BufferedImage reference(Font face, String character, TextPosition glyph, BufferedImage like) {
        double scale = DPI / 72.0;
        BufferedImage image = blank(like);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(face.deriveFont((float) (glyph.getFontSizeInPt() * scale)));
        double baseline = glyph.getYDirAdj() * scale - Math.floor((glyph.getYDirAdj() - glyph.getFontSizeInPt()) * scale);
        double left = glyph.getXDirAdj() * scale - Math.floor(glyph.getXDirAdj() * scale);
        g.drawString(character, (float) left, (float) baseline);
        g.dispose();
        return image;
    }

    private static BufferedImage blank(BufferedImage like) {
        BufferedImage image = new BufferedImage(like.getWidth(), like.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    /**
     * Cosine similarity of the ink (darkness) of two images of one size, at the best of small shifts
     * of the second, which forgives the renderers' different rounding of a glyph's position.
     */
    private static double similarity(BufferedImage drawn, BufferedImage reference) {
        int w = drawn.getWidth();
        int h = drawn.getHeight();
        double best = 0;
        for (int sy = -2; sy <= 2; sy++) {
            for (int sx = -2; sx <= 2; sx++) {
                double dot = 0;
                double normA = 0;
                double normB = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double a = darkness(drawn.getRGB(x, y));
                        int rx = x + sx;
                        int ry = y + sy;
                        double b = rx >= 0 && ry >= 0 && rx < w && ry < h ? darkness(reference.getRGB(rx, ry)) : 0;
                        dot += a * b;
                        normA += a * a;
                        normB += b * b;
                    }
                }
                if (normA > 0 && normB > 0) {
                    best = Math.max(best, dot / Math.sqrt(normA * normB));
                }
            }
        }
        return best;
    }

    private static double inkShare(BufferedImage image, int x0, int y0, int w, int h) {
        long dark = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (darkness(image.getRGB(x, y)) > 0.5) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) w * h);
    }

    private static double darkness(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return 1.0 - (r + g + b) / (3 * 255.0);
    }

    private static Font font(String file) {
        try (InputStream in = LetterPdfTest.class.getResourceAsStream("/fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
