package io.storeops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label exists in both languages: a key only in one would show English (or the key) to the other. */
public class MessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameLabels() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(chinese.stringPropertyNames())
                .filteredOn(key -> chinese.getProperty(key).isBlank())
                .isEmpty();
    }

    @Test
    void everyLabelATemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern label = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[(}]");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/io/storeops/console/templates"))) {
            List<String> missing = templates
                    .flatMap(template -> label.matcher(read(template))
                            .results()
                            .map(found -> template.getFileName() + ": " + found.group(1)))
                    .filter(use -> !english.containsKey(use.substring(use.indexOf(": ") + 2)))
                    .toList();
            assertThat(missing).isEmpty();
        }
    }

    public static Properties load(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream file = MessagesTest.class.getResourceAsStream(name)) {
            messages.load(new InputStreamReader(file, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static String read(Path template) {
        try {
            return Files.readString(template);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
