package io.storeops.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The fault test's storefronts and after-sale desk: paid orders of both demo stores at a steady
 * rate, duplicate deliveries (the same event id again; the same order under a new event id), an
 * older state delivered after a newer one, cancellations, refund requests (approved by the
 * supervisor where the store's policy does not approve them itself) and, at the end, late
 * redeliveries of earlier webhooks. It keeps its own record of every answer: what StoreOps
 * acknowledged is what the audit holds it to.
 */
final class FaultLoad {

    enum Store {
        TMALL("tmall-flagship", 29_500),
        SHOPIFY("shopify-us", 4_448);

        final String id;
        final long totalMinor;

        Store(String id, long totalMinor) {
            this.id = id;
            this.totalMinor = totalMinor;
        }
    }

    /** What became of a request: never sent, answered as hoped, or no answer within the patience (it may have taken effect). */
    enum Outcome {
        NOT_SENT,
        ACKNOWLEDGED,
        INDETERMINATE
    }

    /** A refund-only request of this much on the first line: below the Tmall store's 10.00 that needs no supervisor. */
    static final long REFUND_MINOR = 500;

    /** One order of the run and what the generator did with it. */
    static final class SentOrder {
        final int n;
        final Store store;
        final String number;
        final String body;
        volatile Outcome paid = Outcome.NOT_SENT;
        volatile Outcome cancelled = Outcome.NOT_SENT;
        volatile Outcome refund = Outcome.NOT_SENT;
        volatile String refundCase;

        SentOrder(int n, Store store, String number, String body) {
            this.n = n;
            this.store = store;
            this.number = number;
            this.body = body;
        }

        String orderId() {
            return store.id + ":" + number;
        }
    }

    /** How many of each kind of delivery went out. */
    record Tally(
            long paid,
            long sameEventAgain,
            long sameEventAtOnce,
            long sameOrderNewEvent,
            long olderStateAfterNewer,
            long cancellations,
            long refundRequests,
            long lateRedeliveries,
            long retries,
            long slowWebhookAnswers) {}

    private final String run;
    private final Route orders;
    private final Route refunds;
    private final Function<String, String> tokens;
    private final Random random;
    private final List<SentOrder> sent;
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong sameEventAgain = new AtomicLong();
    private final AtomicLong sameEventAtOnce = new AtomicLong();
    private final AtomicLong sameOrderNewEvent = new AtomicLong();
    private final AtomicLong olderStateAfterNewer = new AtomicLong();
    private final AtomicLong cancellations = new AtomicLong();
    private final AtomicLong refundRequests = new AtomicLong();
    private final AtomicLong lateRedeliveries = new AtomicLong();
    private final ScheduledExecutorService afterSale = Executors.newScheduledThreadPool(4);

    FaultLoad(String run, int orderCount, Route orders, Route refunds, Function<String, String> tokens, long seed) {
        this.run = run;
        this.orders = orders;
        this.refunds = refunds;
        this.tokens = tokens;
        this.random = new Random(seed);
        List<SentOrder> planned = new ArrayList<>(orderCount);
        for (int n = 0; n < orderCount; n++) {
            Store store = n % 2 == 0 ? Store.TMALL : Store.SHOPIFY;
            String number = store == Store.TMALL ? "F" + run + "-" + n : String.valueOf(shopifyIdBase(run) + n);
            String body = store == Store.TMALL
                    ? Storefronts.nativeOrder(number)
                            .replace("\"paidAt\":\"2026-11-28T02:11:30Z\"", "\"paidAt\":\"" + Instant.now() + "\"")
                            .replace("\"buyerNote\":\"请发顺丰\",", "")
                    : Storefronts.shopifyOrder(Long.parseLong(number));
            planned.add(new SentOrder(n, store, number, body));
        }
        this.sent = List.copyOf(planned);
    }

    /** Shopify order ids of this run: numeric, apart from other runs' (the run is base-36 nanoseconds). */
    private static long shopifyIdBase(String run) {
        return 1_000_000_000L * (Math.floorMod(Long.parseLong(run, 36), 9_000L) + 1_000);
    }

    List<SentOrder> orders() {
        return sent;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Requests that got no answer at all within the route's patience: whether they took effect is unknown. */
    long unanswered() {
        return unanswered.get();
    }

    List<String> unexpectedAnswers() {
        return List.copyOf(unexpected);
    }

    Tally tally() {
        return new Tally(
                sent.size(),
                sameEventAgain.get(),
                sameEventAtOnce.get(),
                sameOrderNewEvent.get(),
                olderStateAfterNewer.get(),
                cancellations.get(),
                refundRequests.get(),
                lateRedeliveries.get(),
                orders.retries() + refunds.retries(),
                orders.slowAnswers());
    }

    /** Sends every order at {@code perSecond}, at most {@code inFlight} at once; returns once all are answered. */
    void send(double perSecond, int inFlight) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        try {
            for (SentOrder order : sent) {
                long due = start + (long) (order.n * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                slots.acquire();
                double dice = random.nextDouble();
                senders.execute(() -> {
                    try {
                        deliver(order, dice);
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException failed) {
                        unexpected.add("delivering " + order.orderId() + " failed in the generator: " + failed);
                    } finally {
                        slots.release();
                    }
                });
            }
            slots.acquire(inFlight);
            slots.release(inFlight);
        } finally {
            senders.shutdown();
        }
    }

    /**
     * One order's story, chosen by {@code dice}: paid, 2.5 % of them to both instances at once; then
     * 2.5 % the same delivery again, 5 % the same order under a new event id, 5 % (Tmall, Shopify)
     * its unpaid state after the paid one, 5 % cancelled and then paid again under a new id (a stale
     * state after the cancellation), 5 % a refund request a few seconds later.
     */
    private void deliver(SentOrder order, double dice) throws InterruptedException {
        String eventId = "paid-" + run + "-" + order.n;
        boolean atOnce = dice < 0.025;
        if (atOnce) {
            sameEventAtOnce.incrementAndGet();
            order.paid = anyAcknowledged(
                    orders.sendToEach(instance -> paid(order, instance, eventId)), "paid at once " + order.orderId());
        } else {
            order.paid =
                    expect(200, orders.send(instance -> paid(order, instance, eventId)), "paid " + order.orderId());
        }
        if (order.paid != Outcome.ACKNOWLEDGED) {
            return;
        }
        acknowledged.incrementAndGet();
        if (atOnce) {
            return;
        }
        if (dice < 0.05) {
            sameEventAgain.incrementAndGet();
            expect(200, orders.send(instance -> paid(order, instance, eventId)), "same paid event " + order.orderId());
        } else if (dice < 0.10) {
            sameOrderNewEvent.incrementAndGet();
            expect(
                    200,
                    orders.send(instance -> paid(order, instance, "paid-again-" + run + "-" + order.n)),
                    "paid again " + order.orderId());
        } else if (dice < 0.15) {
            olderStateAfterNewer.incrementAndGet();
            expect(200, orders.send(instance -> placed(order, instance)), "placed after paid " + order.orderId());
        } else if (dice < 0.20) {
            cancellations.incrementAndGet();
            order.cancelled =
                    expect(200, orders.send(instance -> cancelled(order, instance)), "cancel " + order.orderId());
            if (order.cancelled == Outcome.ACKNOWLEDGED) {
                // the payment's state again, under a new id, after the cancellation: a stale retry changes nothing
                olderStateAfterNewer.incrementAndGet();
                expect(
                        200,
                        orders.send(instance -> paid(order, instance, "paid-stale-" + run + "-" + order.n)),
                        "paid after cancel " + order.orderId());
            }
        } else if (dice < 0.25) {
            refundRequests.incrementAndGet();
            afterSale.schedule(
                    () -> {
                        try {
                            requestRefund(order);
                        } catch (RuntimeException failed) {
                            unexpected.add(
                                    "the refund request of " + order.orderId() + " failed in the generator: " + failed);
                        }
                    },
                    3,
                    TimeUnit.SECONDS);
        }
    }

    /** Some deliveries once more, long after: their original event ids, as a storefront's late retry. */
    void redeliverLate(int count) throws InterruptedException {
        List<SentOrder> acknowledgedOrders = sent.stream()
                .filter(order -> order.paid == Outcome.ACKNOWLEDGED)
                .toList();
        for (int i = 0; i < count && !acknowledgedOrders.isEmpty(); i++) {
            SentOrder order = acknowledgedOrders.get(random.nextInt(acknowledgedOrders.size()));
            lateRedeliveries.incrementAndGet();
            expect(
                    200,
                    orders.send(instance -> paid(order, instance, "paid-" + run + "-" + order.n)),
                    "late redelivery " + order.orderId());
        }
    }

    /** Waits for the refund requests still scheduled or running. */
    void finishAfterSale() throws InterruptedException {
        afterSale.shutdown();
        if (!afterSale.awaitTermination(10, TimeUnit.MINUTES)) {
            unexpected.add("refund requests still running after 10 minutes");
        }
    }

    private HttpRequest paid(SentOrder order, URI instance, String eventId) {
        return order.store == Store.TMALL
                ? Storefronts.tmallDelivery(instance, "order.paid", eventId, order.body, Storefronts.TMALL_SECRET)
                : Storefronts.shopifyDelivery(instance, "orders/paid", eventId, order.body);
    }

    private HttpRequest placed(SentOrder order, URI instance) {
        String eventId = "placed-" + run + "-" + order.n;
        return order.store == Store.TMALL
                ? Storefronts.tmallDelivery(instance, "order.placed", eventId, order.body, Storefronts.TMALL_SECRET)
                : Storefronts.shopifyDelivery(
                        instance,
                        "orders/create",
                        eventId,
                        order.body.replace("\"financial_status\":\"paid\"", "\"financial_status\":\"pending\""));
    }

    private HttpRequest cancelled(SentOrder order, URI instance) {
        String eventId = "cancel-" + run + "-" + order.n;
        return order.store == Store.TMALL
                ? Storefronts.tmallDelivery(
                        instance,
                        "order.cancelled",
                        eventId,
                        "{\"orderId\":\"" + order.number + "\",\"reason\":\"ordered twice\"}",
                        Storefronts.TMALL_SECRET)
                : Storefronts.shopifyDelivery(
                        instance,
                        "orders/cancelled",
                        eventId,
                        order.body.replaceFirst(
                                "^\\{", "{\"cancelled_at\":\"" + Instant.now() + "\",\"cancel_reason\":\"customer\","));
    }

    /**
     * Customer service enters a refund of {@link #REFUND_MINOR} once refund-service knows the order
     * (404 before: tried again); the supervisor approves it where the store does not by itself.
     */
    private void requestRefund(SentOrder order) {
        String key = "fault-" + run + "-" + order.n;
        String entry = "{\"orderId\":\"" + order.orderId()
                + "\",\"type\":\"REFUND_ONLY\",\"reason\":\"NOT_AS_DESCRIBED\",\"goodsReceived\":false,"
                + "\"lines\":[{\"lineIndex\":0,\"amountMinor\":" + REFUND_MINOR + "}]}";
        try {
            HttpResponse<String> entered;
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            do {
                entered = refunds.send(instance -> HttpRequest.newBuilder(instance.resolve("/api/refunds"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.apply("CS_AFTERSALE"))
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(entry))
                        .build());
                if (entered != null && entered.statusCode() == 404) {
                    Thread.sleep(1000);
                }
            } while (entered != null && entered.statusCode() == 404 && System.nanoTime() < giveUp);
            order.refund = expect(201, entered, "refund request " + order.orderId());
            if (order.refund != Outcome.ACKNOWLEDGED) {
                return;
            }
            order.refundCase = "rf-" + key;
            if (order.store == Store.SHOPIFY) {
                HttpResponse<String> approval = refunds.send(instance -> HttpRequest.newBuilder(
                                instance.resolve("/api/refunds/" + order.refundCase + "/approval"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.apply("SUPERVISOR"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"fault test\"}"))
                        .build());
                order.refund = approval != null && approval.statusCode() == 409 && decided(order.refundCase)
                        ? Outcome.ACKNOWLEDGED // an approval retried after its answer was lost
                        : expect(200, approval, "refund approval " + order.orderId());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the case has left REQUESTED: the supervisor's decision took effect. */
    private boolean decided(String caseId) throws InterruptedException {
        HttpResponse<String> found =
                refunds.send(instance -> HttpRequest.newBuilder(instance.resolve("/api/refunds/" + caseId))
                        .header("Authorization", "Bearer " + tokens.apply("SUPERVISOR"))
                        .GET()
                        .build());
        return found != null
                && found.statusCode() == 200
                && !StandaloneSystem.json(found)
                        .path("refundCase")
                        .path("state")
                        .asString()
                        .equals("REQUESTED");
    }

    /** Acknowledged when any of the answers to one delivery said 200: the storefront then counts it delivered. */
    private Outcome anyAcknowledged(List<HttpResponse<String>> answers, String what) {
        Outcome outcome = Outcome.INDETERMINATE;
        for (HttpResponse<String> answer : answers) {
            if (expect(200, answer, what) == Outcome.ACKNOWLEDGED) {
                outcome = Outcome.ACKNOWLEDGED;
            }
        }
        return outcome;
    }

    private Outcome expect(int status, HttpResponse<String> answer, String what) {
        if (answer == null) {
            unanswered.incrementAndGet();
            return Outcome.INDETERMINATE;
        }
        if (answer.statusCode() != status) {
            String body = answer.body();
            unexpected.add(what + ": " + answer.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
            return Outcome.INDETERMINATE;
        }
        return Outcome.ACKNOWLEDGED;
    }
}
