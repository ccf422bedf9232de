package io.storeops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StateQueryTest {

    record Line(String sku, int quantity) {}

    record Parcel(String carrier, Instant sentAt) {}

    record Sale(String storeId, List<Line> lines, Parcel parcel, Map<String, String> tags) {}

    @Test
    void fieldsAreTheStatesOwnAndStoredUnderTheEnvelope() {
        Document query = StateQuery.of(Sale.class)
                .is("storeId", "s1")
                .is("lines.sku", "TEA")
                .present("parcel.carrier")
                .toQuery()
                .getQueryObject();

        assertThat(query.toJson()).contains("\"state.storeId\"", "\"state.lines.sku\"", "\"state.parcel.carrier\"");
    }

    @Test
    void aFieldTheStateDoesNotHaveFailsWhenTheQueryIsBuilt() {
        assertThatThrownBy(() -> StateQuery.of(Sale.class).is("store", "s1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sale has no field 'store'");
        assertThatThrownBy(() -> StateQuery.of(Sale.class).ascending("parcel.carier"))
                .hasMessageContaining("'carier' is not a component of Parcel");
        assertThatThrownBy(() -> StateIndex.named("by_skus", Sale.class).ascending("lines.sku.code"))
                .as("a plain value has no fields")
                .hasMessageContaining("no field 'lines.sku.code'");
    }

    @Test
    void keysOfAMapAreData() {
        assertThat(StateQuery.of(Sale.class)
                        .is("tags.season", "winter")
                        .toQuery()
                        .getQueryObject()
                        .toJson())
                .contains("\"state.tags.season\"");
    }

    @Test
    void pagesContinueAfterTheLastSeenValueAndId() {
        String seen = "2026-11-28T02:00:00Z";
        StateQuery<Sale> next = StateQuery.of(Sale.class)
                .afterDescending("parcel.sentAt", seen, "s1:9")
                .descending("parcel.sentAt")
                .thenByIdDescending()
                .limit(50);

        assertThat(next.toQuery().getSortObject()).isEqualTo(new Document("state.parcel.sentAt", -1).append("_id", -1));
        assertThat(next.toQuery().getLimit()).isEqualTo(50);
        assertThat(next.toQuery().getQueryObject().toJson()).contains("\"_id\": {\"$lt\": \"s1:9\"}");
    }

    @Test
    void queuesContinueAfterTheLastSeenValueAndIdOldestFirst() {
        String seen = "2026-11-28T02:00:00Z";
        StateQuery<Sale> next = StateQuery.of(Sale.class)
                .afterAscending("parcel.sentAt", seen, "s1:9")
                .ascending("parcel.sentAt")
                .thenByIdAscending()
                .limit(50);

        assertThat(next.toQuery().getSortObject()).isEqualTo(new Document("state.parcel.sentAt", 1).append("_id", 1));
        assertThat(next.toQuery().getQueryObject().toJson())
                .contains(
                        "\"state.parcel.sentAt\": {\"$gt\": \"2026-11-28T02:00:00Z\"}", "\"_id\": {\"$gt\": \"s1:9\"}");
    }

    @Test
    void anIndexNamesItsKeysAsStored() {
        assertThat(StateIndex.named("store_newest", Sale.class)
                        .ascending("storeId")
                        .descending("parcel.sentAt")
                        .thenByIdDescending()
                        .toIndex()
                        .getIndexKeys())
                .isEqualTo(new Document("state.storeId", 1)
                        .append("state.parcel.sentAt", -1)
                        .append("_id", -1));
    }
}
