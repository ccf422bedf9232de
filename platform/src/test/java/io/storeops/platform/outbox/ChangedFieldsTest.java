package io.storeops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class ChangedFieldsTest {

    @Test
    void onlyWhatChangedIsWrittenAndAGrownListOnlyGetsItsNewItems() {
        Document before = new Document("status", "PAID")
                .append("timeline", List.of("placed", "paid"))
                .append("holds", List.of("MANUAL"))
                .append("note", "gift")
                .append("total", new Document("amountMinor", 100L));
        Document after = new Document("status", "SHIPPED")
                .append("timeline", List.of("placed", "paid", "shipped"))
                .append("holds", List.of())
                .append("total", new Document("amountMinor", 100L));
        Update update = new Update();

        AggregateStore.setChangedFields(update, "state", before, after);

        Document written = update.getUpdateObject();
        assertThat(written.get("$set", Document.class))
                .containsOnlyKeys("state.status", "state.holds")
                .containsEntry("state.status", "SHIPPED");
        assertThat(written.get("$push", Document.class)).containsOnlyKeys("state.timeline");
        assertThat(written.get("$unset", Document.class)).containsOnlyKeys("state.note");
    }

    @Test
    void aListThatIsNotAnExtensionIsReplacedWhole() {
        Update update = new Update();

        AggregateStore.setChangedFields(
                update,
                "state",
                new Document("timeline", List.of("first", "old")),
                new Document("timeline", List.of("first", "new", "newer")));

        assertThat(update.getUpdateObject().get("$set", Document.class))
                .containsEntry("state.timeline", List.of("first", "new", "newer"));
        assertThat(update.getUpdateObject()).doesNotContainKey("$push");
    }

    @Test
    void withoutAStoredStateTheWholeStateIsSet() {
        Update update = new Update();

        AggregateStore.setChangedFields(update, "state", null, new Document("status", "PAID"));

        assertThat(update.getUpdateObject().get("$set", Document.class)).containsOnlyKeys("state");
    }
}
