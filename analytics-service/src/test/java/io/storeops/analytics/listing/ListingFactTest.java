package io.storeops.analytics.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingFactTest {

    private static final String STORE = "tmall-flagship";
    private static final Instant FIRST = Instant.parse("2026-03-01T01:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-03-11T01:00:00Z");
    private static final Instant OFF = Instant.parse("2026-03-20T09:00:00Z");
    private static final Instant AGAIN = Instant.parse("2026-04-01T01:00:00Z");

    @Test
    void eachPublishedVersionIsKeptWithWhatItSoldAndEndsAtTheNextOrAWithdrawal() {
        ListingFact fact = applied(
                Optional.empty(),
                current -> ListingFact.published(current, published(1, FIRST)),
                current -> ListingFact.changed(current, changed(2, SECOND, "DETAIL_PAGE")),
                current -> ListingFact.withdrawn(current, withdrawn(OFF)),
                current -> ListingFact.changed(current, changed(3, AGAIN)));

        assertThat(fact.versions()).extracting(ListingFact.Version::pageVersion).containsExactly(1, 2, 3);
        ListingFact.Version first = fact.versions().get(0);
        assertThat(first.storefrontProductId()).isEqualTo("6507654321");
        assertThat(first.skus())
                .containsExactly(
                        new ListingFact.Sku("MUG-W", "白色", 5_900L, "CNY"),
                        new ListingFact.Sku("MUG-B", "黑色", null, null));
        assertThat(first.changes()).isEmpty();
        assertThat(fact.versions().get(1).changes()).containsExactly("DETAIL_PAGE");

        assertThat(fact.endingOf(first)).contains(new ListingFact.Ending(SECOND, false));
        assertThat(fact.endingOf(fact.versions().get(1)))
                .as("taken off sale before the next version")
                .contains(new ListingFact.Ending(OFF, true));
        assertThat(fact.endingOf(fact.versions().get(2)))
                .as("relisted: on sale")
                .isEmpty();
        assertThat(fact.latest().orElseThrow().pageVersion()).isEqualTo(3);
    }

    @Test
    void aRedeliveredReplayedOrLateEventChangesNothingOrTakesItsPlace() {
        ListingFact second = applied(Optional.empty(), current -> ListingFact.changed(current, changed(2, SECOND)));
        ListingFact both = applied(Optional.of(second), current -> ListingFact.published(current, published(1, FIRST)));

        assertThat(both.versions())
                .as("the late first version goes before the second")
                .extracting(ListingFact.Version::pageVersion)
                .containsExactly(1, 2);
        assertThat(ListingFact.published(Optional.of(both), published(1, FIRST)).isNone())
                .isTrue();
        assertThat(ListingFact.changed(Optional.of(both), changed(2, SECOND)).isNone())
                .isTrue();

        ListingFact withdrawnOnce =
                applied(Optional.of(both), current -> ListingFact.withdrawn(current, withdrawn(OFF)));
        assertThat(ListingFact.withdrawn(Optional.of(withdrawnOnce), withdrawn(OFF))
                        .isNone())
                .isTrue();
    }

    @Test
    void aProductDroppedBeforeItWasEverPublishedHadNoPage() {
        ListingWithdrawn dropped = new ListingWithdrawn("MUG", STORE, null, "选品取消", "li.supervisor", FIRST);

        assertThat(ListingFact.withdrawn(Optional.empty(), dropped).isNone()).isTrue();
    }

    @SafeVarargs
    private static ListingFact applied(
            Optional<ListingFact> start,
            java.util.function.Function<Optional<ListingFact>, Change<ListingFact>>... events) {
        Optional<ListingFact> current = start;
        for (var event : events) {
            Change<ListingFact> change = event.apply(current);
            assertThat(change.isNone()).as("a new event changes the fact").isFalse();
            current = Optional.of(change.state());
        }
        return current.orElseThrow();
    }

    private static ListingPublished published(int version, Instant at) {
        return new ListingPublished(
                "MUG", STORE, "MUG", "手绘陶瓷马克杯", version, 1, "6507654321", skus(), "img-1", "ui.chen", at);
    }

    private static ListingChanged changed(int version, Instant at, String... changes) {
        return new ListingChanged(
                "MUG",
                STORE,
                "MUG",
                "手绘陶瓷马克杯",
                version,
                version,
                "6507654321",
                skus(),
                "img-1",
                List.of(changes),
                "ui.chen",
                at);
    }

    private static ListingWithdrawn withdrawn(Instant at) {
        return new ListingWithdrawn("MUG", STORE, "6507654321", "换季", "li.supervisor", at);
    }

    private static List<ListedSku> skus() {
        return List.of(
                new ListedSku("MUG-W", "白色", new Money(5_900, "CNY"), List.of("礼盒")),
                new ListedSku("MUG-B", "黑色", null, List.of()));
    }
}
