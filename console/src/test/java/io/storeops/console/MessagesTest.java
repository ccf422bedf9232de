package io.storeops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every label exists in both languages: a key only in one would show English (or the key) to the other. */
class MessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameLabels() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(chinese.stringPropertyNames())
                .filteredOn(key -> chinese.getProperty(key).isBlank())
                .isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream file = MessagesTest.class.getResourceAsStream(name)) {
            messages.load(new InputStreamReader(file, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
