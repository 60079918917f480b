package io.arrears.console.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word on the pages exists in both languages: a message added in English alone fails here, not on a Chinese screen. */
class MessagesTest {

    @Test
    void everyMessageHasItsSimplifiedChineseTextAndNoneIsLeftOver() throws IOException {
        Properties zh = new Properties();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/messages/msg_zh-CN.properties"), StandardCharsets.UTF_8)) {
            zh.load(in);
        }
        Set<String> keys = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(zh.stringPropertyNames()).allMatch(k -> !zh.getProperty(k).isBlank());
        // Written in Chinese, not copied from the English: every text but the few that are codes has a CJK character.
        assertThat(zh.stringPropertyNames().stream().filter(k -> zh.getProperty(k).codePoints()
                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))).isEmpty();
    }
}
