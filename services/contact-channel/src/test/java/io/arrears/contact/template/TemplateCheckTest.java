package io.arrears.contact.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up template check, run on a plain Qute engine over the same template files the service ships. */
class TemplateCheckTest {

    private final NoticeTemplates templates = new NoticeTemplates(engine(), "zh-CN");
    private final Properties shipped = shippedProperties();

    @Test
    void everyShippedTemplateRendersInEveryLanguageAndSaysNothingForbidden() {
        List<String> problems = TemplateCheck.check(templates, list("contact.templates.ids"), list("contact.languages"), lint());

        assertThat(problems).isEmpty();
        RenderedNotice letter = templates.render("formal-letter", "zh-CN", NoticeData.of(NoticeData.sample(), "李伟", "ACC-1001",
                new NoticeData.PaymentMethods("6222 0000", "手机银行", List.of())));
        assertThat(letter.longText()).contains("261.52CNY").contains("征信").contains("尾号1001").doesNotContain("ACC-1001");
    }

    @Test
    void aTemplateWithAForbiddenPhraseIsRefusedNamingTheTemplateAndThePhrase() {
        List<String> problems = TemplateCheck.check(templates, List.of("overdue-notice", "threatening-notice"), List.of("en"), lint());

        assertThat(problems).containsExactly(
                "template notices/en/threatening-notice (long): contains forbidden phrase 'your employer'",
                "template notices/en/threatening-notice (long): contains forbidden phrase 'we will come to your'");
    }

    @Test
    void aMissingTranslationIsAProblem() {
        assertThat(TemplateCheck.check(templates, List.of("threatening-notice"), List.of("zh-CN"), lint()))
                .containsExactly("template notices/zh-CN/threatening-notice: missing");
    }

    private TemplateLint lint() {
        return new TemplateLint(list("contact.templates.forbidden-phrases"));
    }

    private List<String> list(String key) {
        return Arrays.stream(shipped.getProperty(key).split(",")).map(String::strip).toList();
    }

    private static Properties shippedProperties() {
        Properties properties = new Properties();
        try (InputStream in = TemplateCheckTest.class.getResourceAsStream("/application.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Engine engine() {
        TemplateLocator classpath = id -> {
            for (String suffix : List.of(".txt", ".html")) {
                URL url = TemplateCheckTest.class.getResource("/templates/" + id + suffix);
                if (url != null) {
                    return Optional.of(new TemplateLocator.TemplateLocation() {
                        @Override
                        public Reader read() {
                            try {
                                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }

                        @Override
                        public Optional<Variant> getVariant() {
                            return Optional.empty();
                        }
                    });
                }
            }
            return Optional.empty();
        };
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).addLocator(classpath).build();
    }
}
