package io.storeops.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.storeops.system.FaultLoad.Outcome;
import io.storeops.system.FaultLoad.SentOrder;
import io.storeops.system.PaymentRecorder.Payment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * After the run has gone quiet, what each service holds, read from its database, against the
 * generator's record of what StoreOps acknowledged and the payment recorder's of what was paid:
 * every acknowledged order once in every service that should know it (orders, shipments, refund
 * files, sales facts), cancelled exactly where a cancellation was acknowledged, paid back exactly
 * what was acknowledged and never twice; no outbox entry left, nothing parked.
 */
final class SystemAudit {

    /** Documents per store in each service's collection, for the report. */
    record Counts(Map<String, Map<String, Integer>> byCollection) {}

    private static final List<String> DATABASES = List.of("orders", "fulfillment", "refunds", "analytics", "listings");
    private static final Bson HOLDS_OUTBOX_ENTRIES = Filters.or(
            Filters.exists("outbox.0"),
            Filters.exists("parked.0"),
            Filters.exists("pendingSince"),
            Filters.exists("parkedCount"));
    private static final Set<String> ENDED = Set.of("COMPLETED", "CLOSED", "REJECTED");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    List<String> problems() {
        return List.copyOf(problems);
    }

    Counts counts() {
        return new Counts(counts);
    }

    static SystemAudit of(String mongoUri, List<SentOrder> sent, List<Payment> payments) {
        SystemAudit audit = new SystemAudit();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            audit.checkOrders(mongo.getDatabase("orders"), sent);
            audit.checkShipments(mongo.getDatabase("fulfillment"), sent);
            audit.checkRefundFiles(mongo.getDatabase("refunds"), sent);
            audit.checkFacts(mongo.getDatabase("analytics"), sent);
            audit.checkPayments(payments, sent);
            audit.checkOutbox(mongo);
        }
        return audit;
    }

    private void checkOrders(MongoDatabase orders, List<SentOrder> sent) {
        Map<String, Document> stored = states(orders, "orders", "orderId");
        checkPresence("orders.orders", stored, sent);
        forEachKnown(stored, sent, (order, state) -> {
            boolean cancelled = "CANCELLED".equals(state.getString("progress"));
            checkCancelled("order", order, cancelled);
            if (!cancelled && !List.of("PAID", "ON_HOLD", "READY").contains(state.getString("progress"))) {
                problems.add("order " + order.orderId() + " is " + state.getString("progress") + ", not paid");
            }
            Document refunds = state.get("refunds", Document.class);
            long amount = refunds == null || refunds.get("refunded") == null
                    ? 0
                    : ((Number) refunds.get("refunded", Document.class).get("amountMinor")).longValue();
            checkRefunded("order", order, amount);
            // the order's refunded amount stops at its total: a refund counted twice shows in its refund ids
            List<String> refundIds =
                    refunds == null ? List.of() : refunds.getList("refundIds", String.class, List.of());
            OptionalLong expected = expectedRefund(order);
            // one refund id where money went back, none where it did not; at most one where that is unknown
            boolean counted = expected.isPresent()
                    ? refundIds.size() == (expected.getAsLong() > 0 ? 1 : 0)
                    : refundIds.size() <= 1;
            if (!counted) {
                problems.add("order " + order.orderId() + " counts refunds " + refundIds);
            }
        });
    }

    private void checkShipments(MongoDatabase fulfillment, List<SentOrder> sent) {
        Map<String, Document> stored = states(fulfillment, "fulfillments", "orderId");
        checkPresence("fulfillment.fulfillments", stored, sent);
        forEachKnown(
                stored,
                sent,
                (order, state) -> checkCancelled("shipment", order, "CANCELLED".equals(state.getString("status"))));
    }

    private void checkRefundFiles(MongoDatabase refunds, List<SentOrder> sent) {
        Map<String, Document> stored = states(refunds, "after_sales", "orderId");
        checkPresence("refunds.after_sales", stored, sent);
        forEachKnown(stored, sent, (order, state) -> {
            if (((Number) state.get("totalPaidMinor")).longValue() != order.store.totalMinor) {
                problems.add("refund file of " + order.orderId() + " says " + state.get("totalPaidMinor") + " paid");
            }
            List<Document> cases = state.getList("cases", Document.class, List.of());
            long open = cases.stream()
                    .filter(refundCase -> !"COMPLETED".equals(refundCase.getString("state")))
                    .count();
            if (open > 0 && order.refund != Outcome.INDETERMINATE && order.cancelled != Outcome.INDETERMINATE) {
                problems.add("refund file of " + order.orderId() + " has " + open + " case(s) not completed: " + cases);
            }
            checkRefunded(
                    "refund file",
                    order,
                    cases.stream()
                            .filter(refundCase -> "COMPLETED".equals(refundCase.getString("state")))
                            .mapToLong(SystemAudit::caseAmount)
                            .sum());
        });
    }

    private void checkFacts(MongoDatabase analytics, List<SentOrder> sent) {
        Map<String, Document> stored = states(analytics, "order_facts", "orderId");
        checkPresence("analytics.order_facts", stored, sent);
        forEachKnown(stored, sent, (order, state) -> {
            if (((Number) state.get("gmvMinor")).longValue() != order.store.totalMinor) {
                problems.add("sales fact of " + order.orderId() + " counts " + state.get("gmvMinor"));
            }
            checkCancelled("sales fact", order, state.get("cancelledAt") != null);
            checkRefunded(
                    "sales fact",
                    order,
                    state.getList("refunds", Document.class, List.of()).stream()
                            .mapToLong(refund -> ((Number) refund.get("amountMinor")).longValue())
                            .sum());
        });
    }

    /** What a case pays back: its lines and its shipping. */
    private static long caseAmount(Document refundCase) {
        long lines = refundCase.getList("lines", Document.class, List.of()).stream()
                .mapToLong(line -> ((Number) line.get("amountMinor")).longValue())
                .sum();
        Number shipping = (Number) refundCase.get("shippingMinor");
        return lines + (shipping == null ? 0 : shipping.longValue());
    }

    /** Cases of refund files not yet completed (or otherwise ended): payouts still to come. */
    static long casesUnderway(String mongoUri) {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            long underway = 0;
            for (Document file :
                    mongo.getDatabase("refunds").getCollection("after_sales").find()) {
                Document state = file.get("state", Document.class);
                underway += state == null
                        ? 0
                        : state.getList("cases", Document.class, List.of()).stream()
                                .filter(refundCase -> !ENDED.contains(refundCase.getString("state")))
                                .count();
            }
            return underway;
        }
    }

    private void checkPayments(List<Payment> payments, List<SentOrder> sent) {
        Map<String, List<Payment>> byOrder = new HashMap<>();
        payments.forEach(payment -> byOrder.computeIfAbsent(payment.orderId(), id -> new ArrayList<>())
                .add(payment));
        Map<String, SentOrder> orders = new HashMap<>();
        sent.forEach(order -> orders.put(order.orderId(), order));
        byOrder.forEach((orderId, paid) -> {
            if (!orders.containsKey(orderId)) {
                problems.add("payment for an order never sent: " + paid);
            } else if (paid.size() > 1) {
                problems.add("order " + orderId + " paid back " + paid.size() + " times: " + paid);
            }
        });
        for (SentOrder order : sent) {
            long amount = byOrder.getOrDefault(order.orderId(), List.of()).stream()
                    .mapToLong(Payment::amountMinor)
                    .sum();
            checkRefunded("payment recorder", order, amount);
        }
        counts.put(
                "payments",
                count(
                        payments.stream().map(Payment::orderId).toList(),
                        orderId -> orderId.substring(0, orderId.indexOf(':'))));
    }

    /** No aggregate of any collection still holds unpublished or parked outbox entries. */
    private void checkOutbox(MongoClient mongo) {
        outboxHolders(mongo)
                .forEach((collection, holders) ->
                        problems.add(holders + " aggregate(s) of " + collection + " still hold outbox entries"));
    }

    /** How many aggregates of all the services' collections still hold unpublished or parked outbox entries. */
    static long outboxHolders(String mongoUri) {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            return outboxHolders(mongo).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * Per collection that has any, the aggregates holding outbox entries: the entries themselves, not
     * only the markers the relay's sweep finds them by, so an entry left without its marker shows.
     */
    private static Map<String, Long> outboxHolders(MongoClient mongo) {
        Map<String, Long> holders = new TreeMap<>();
        for (String name : DATABASES) {
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                long holding = database.getCollection(collection).countDocuments(HOLDS_OUTBOX_ENTRIES);
                if (holding > 0) {
                    holders.put(name + "." + collection, holding);
                }
            }
        }
        return holders;
    }

    /** Each stored aggregate's state by its {@code idField}; counted per store for the report. */
    private Map<String, Document> states(MongoDatabase database, String collection, String idField) {
        Map<String, Document> byId = new HashMap<>();
        for (Document document : database.getCollection(collection).find()) {
            Document state = document.get("state", Document.class);
            if (state != null) {
                if (byId.put(state.getString(idField), state) != null) {
                    problems.add(
                            database.getName() + "." + collection + " holds " + state.getString(idField) + " twice");
                }
            }
        }
        counts.put(
                database.getName() + "." + collection,
                count(
                        byId.values().stream()
                                .map(state -> state.getString("storeId") != null
                                        ? state.getString("storeId")
                                        : state.getString(idField)
                                                .substring(
                                                        0,
                                                        state.getString(idField).indexOf(':')))
                                .toList(),
                        Function.identity()));
        return byId;
    }

    private static Map<String, Integer> count(List<String> values, Function<String, String> key) {
        Map<String, Integer> counted = new TreeMap<>();
        values.forEach(value -> counted.merge(key.apply(value), 1, Integer::sum));
        return counted;
    }

    /** Every acknowledged order is there; nothing is there that was never sent or whose delivery was refused. */
    private void checkPresence(String where, Map<String, Document> stored, List<SentOrder> sent) {
        Map<String, SentOrder> byId = new HashMap<>();
        sent.forEach(order -> byId.put(order.orderId(), order));
        List<String> missing = sent.stream()
                .filter(order -> order.paid == Outcome.ACKNOWLEDGED && !stored.containsKey(order.orderId()))
                .map(SentOrder::orderId)
                .toList();
        if (!missing.isEmpty()) {
            problems.add(where + " lacks " + missing.size() + " acknowledged order(s): " + sample(missing));
        }
        List<String> unexpected = stored.keySet().stream()
                .filter(id -> !byId.containsKey(id) || byId.get(id).paid == Outcome.NOT_SENT)
                .toList();
        if (!unexpected.isEmpty()) {
            problems.add(where + " holds " + unexpected.size() + " order(s) never sent: " + sample(unexpected));
        }
    }

    private void forEachKnown(
            Map<String, Document> stored, List<SentOrder> sent, BiConsumer<SentOrder, Document> check) {
        for (SentOrder order : sent) {
            Document state = stored.get(order.orderId());
            if (state != null) {
                check.accept(order, state);
            }
        }
    }

    private void checkCancelled(String what, SentOrder order, boolean cancelled) {
        if (order.cancelled == Outcome.INDETERMINATE) {
            return;
        }
        boolean expected = order.cancelled == Outcome.ACKNOWLEDGED;
        if (cancelled != expected) {
            problems.add(what + " of " + order.orderId() + (expected ? " not cancelled" : " cancelled unasked"));
        }
    }

    private void checkRefunded(String where, SentOrder order, long amountMinor) {
        expectedRefund(order).ifPresent(expected -> {
            if (amountMinor != expected) {
                problems.add(where + ": " + order.orderId() + " refunded " + amountMinor + ", expected " + expected);
            }
        });
    }

    /**
     * What must have been paid back: the whole order once its cancellation was acknowledged, the
     * refund once approved, else nothing; unknown when either request's outcome is.
     */
    private static OptionalLong expectedRefund(SentOrder order) {
        if (order.cancelled == Outcome.INDETERMINATE || order.refund == Outcome.INDETERMINATE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                order.cancelled == Outcome.ACKNOWLEDGED
                        ? order.store.totalMinor
                        : order.refund == Outcome.ACKNOWLEDGED ? FaultLoad.REFUND_MINOR : 0);
    }

    private static String sample(List<String> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.subList(0, 10) + " …";
    }
}
