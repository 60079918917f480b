package io.arrears.contact.template;

import io.arrears.contact.channel.LetterFonts;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.arrears.contact.template.ShippedTemplates.lint;
import static io.arrears.contact.template.ShippedTemplates.list;
import static org.assertj.core.api.Assertions.assertThat;

/** The start-up template check, run on a plain Qute engine over the same template files the service ships. */
class TemplateCheckTest {

    private static final NoticeData.PaymentMethods PAY = new NoticeData.PaymentMethods("6222 0000", "手机银行", List.of());

    private final NoticeTemplates templates = ShippedTemplates.templates();
    private final LetterFonts letters = LetterFonts.bundled();

    @Test
    void everyShippedTemplateRendersInEveryLanguageAndSaysNothingForbidden() {
        List<String> problems = TemplateCheck.check(templates, list("contact.templates.ids"), list("contact.languages"), lint(), letters);

        assertThat(problems).isEmpty();
        RenderedNotice letter = templates.render("formal-letter", "zh-CN", NoticeData.of(NoticeData.sample(), "李伟", PAY));
        assertThat(letter.longText()).contains("261.52CNY").contains("征信").contains("您尾号4321的信用卡");
    }

    @Test
    void aTemplateWithAForbiddenPhraseIsRefusedNamingTheTemplateAndThePhrase() {
        List<String> problems = TemplateCheck.check(templates, List.of("overdue-notice", "threatening-notice"), List.of("en"), lint(), letters);

        assertThat(problems).containsExactly(
                "template notices/en/threatening-notice (long): contains forbidden phrase 'your employer'",
                "template notices/en/threatening-notice (long): contains forbidden phrase 'we will come to your'");
    }

    @Test
    void aTemplateTheLetterFontsCannotDrawIsRefusedNamingTemplateLanguageAndTheFirstMissingCharacter() {
        List<String> problems = TemplateCheck.check(templates, List.of("overdue-notice", "unprintable-notice"), List.of("en"), lint(), letters);

        assertThat(problems).containsExactly("template notices/en/unprintable-notice: the letter fonts cannot draw '\uD83D\uDCB3' (U+1F4B3)");
    }

    @Test
    void aMissingTranslationIsAProblem() {
        assertThat(TemplateCheck.check(templates, List.of("threatening-notice"), List.of("zh-CN"), lint(), letters))
                .containsExactly("template notices/zh-CN/threatening-notice: missing");
    }

    @Test
    void withoutTheCardsLastFourDigitsNoMessageShowsAnyCardDigitsAndWithThemEveryMessageNamesThem() {
        Map<String, Object> facts = new HashMap<>(NoticeData.sample());
        facts.remove("cardLast4");
        Pattern cardDigits = Pattern.compile("尾号|ending|\\b\\d{4}\\b(?![-.])");
        for (String id : list("contact.templates.ids")) {
            for (String language : list("contact.languages")) {
                RenderedNotice without = templates.render(id, language, NoticeData.of(facts, "李伟", PAY));
                for (String text : List.of(without.subject(), without.shortText(), without.longText())) {
                    String amountsAndDatesOut = text.replaceAll("\\d{4}-\\d{2}-\\d{2}|\\d+\\.\\d{2}|6222 0000", "");
                    assertThat(cardDigits.matcher(amountsAndDatesOut).find()).as(id + " " + language + ": " + text).isFalse();
                }
                assertThat(without.shortText() + without.longText()).as(id + " " + language).containsAnyOf("您的信用卡", "信用卡", "credit card");

                RenderedNotice with = templates.render(id, language, NoticeData.of(NoticeData.sample(), "李伟", PAY));
                assertThat(with.shortText() + "\n" + with.longText()).as(id + " " + language).contains("4321");
            }
        }
    }

    @Test
    void cardDigitsThatAreNotFourDigitsAreNeverShown() {
        Map<String, Object> facts = new HashMap<>(NoticeData.sample());
        facts.put("cardLast4", "ACC1");

        RenderedNotice notice = templates.render("overdue-notice", "en", NoticeData.of(facts, "Li Wei", PAY));

        assertThat(notice.shortText()).contains("Your credit card has").doesNotContain("ACC1");
    }
}
