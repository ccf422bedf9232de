package io.storeops.listing.products;

import java.time.Instant;
import java.util.List;

/**
 * The product's selling-points card (产品卖点), which everyone in the department reads before
 * selling it: its highlights, materials, sizes and fit, care, and answers to buyers' common
 * questions. Each publication is a new {@code version}; acknowledgements are of a version.
 */
public record SellingPoints(
        int version,
        List<String> highlights,
        String materials,
        String sizesAndFit,
        String care,
        List<Answer> answers,
        String publishedBy,
        Instant publishedAt) {

    /** A buyer's common question and the answer the department gives. */
    public record Answer(String question, String answer) {}

    /** What the card says, as its author writes it. */
    public record Card(
            List<String> highlights, String materials, String sizesAndFit, String care, List<Answer> answers) {}

    /** What this version of the card says. */
    public Card card() {
        return new Card(highlights, materials, sizesAndFit, care, answers);
    }

    public SellingPoints {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
