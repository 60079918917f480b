package io.arrears.contact.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

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

/** The template files and settings the service ships, on a plain Qute engine, for tests without Quarkus. */
public final class ShippedTemplates {

    private static final Properties SHIPPED = load();

    private ShippedTemplates() {
    }

    public static NoticeTemplates templates() {
        return new NoticeTemplates(engine(), "zh-CN");
    }

    /** A comma-separated list from application.properties, e.g. {@code contact.templates.ids}. */
    public static List<String> list(String key) {
        return Arrays.stream(SHIPPED.getProperty(key).split(",")).map(String::strip).toList();
    }

    public static TemplateLint lint() {
        return new TemplateLint(list("contact.templates.forbidden-phrases"));
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/application.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Engine engine() {
        TemplateLocator classpath = id -> {
            for (String suffix : List.of(".txt", ".html")) {
                URL url = ShippedTemplates.class.getResource("/templates/" + id + suffix);
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
