package io.storeops.refund.replies.web;

import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts replies through the native marketplace's review call: {@code POST
 * <base>/reviews/{reviewId}/replies} with the store's app key as bearer token, the reply's key as
 * {@code Idempotency-Key} header and {@code {"text": ...}} as body.
 *
 * <p>A 2xx answer is the post; its reference is the answer's {@code replyId}, or the key when it
 * names none. A 409 is the post only when it names this very key ({@code idempotencyKey}: the
 * marketplace remembered the key and posted the reply before); any other conflict (the review has
 * another reply, written in the back office) is a refusal, never taken for this post. 429 and 5xx
 * are failures retried with the same key; any other answer is a refusal.
 *
 * <p>Not a bean by itself: the wiring builds it with the {@link MarketplaceApi} of a store whose
 * replies are posted through the marketplace.
 */
public final class MarketplaceReplyChannel implements ReviewReplyChannel {

    private final MarketplaceApi marketplace;

    public MarketplaceReplyChannel(MarketplaceApi marketplace) {
        this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    }

    @Override
    public Mono<Posted> post(ReplyPost reply) {
        return Mono.defer(() -> {
            String key = MarketplaceApi.requestId(reply.idempotencyKey());
            ObjectNode body = PartnerHttp.JSON.createObjectNode();
            body.put("text", reply.text());
            return marketplace
                    .post(reply.storeId(), key, body, "reviews", reply.reviewId(), "replies")
                    .map(answer -> posted(answer, key));
        });
    }

    private static Posted posted(PartnerHttp.Answer answer, String key) {
        JsonNode json = answer.json();
        String replyId = PartnerHttp.text(json.path("replyId"));
        if (answer.successful()) {
            return new Posted(replyId == null ? key : replyId);
        }
        if (answer.status() == 409) {
            if (key.equals(PartnerHttp.text(json.path("idempotencyKey")))) {
                return new Posted(replyId == null ? key : replyId); // posted before for this key
            }
            throw PartnerFailure.refused("the marketplace refused the reply as a conflict: " + answer.snippet());
        }
        if (answer.busy()) {
            throw PartnerFailure.unavailable("the marketplace answered " + answer.statusLine());
        }
        throw PartnerFailure.refused(
                "the marketplace refused the reply: " + answer.statusLine() + " " + answer.snippet());
    }
}
