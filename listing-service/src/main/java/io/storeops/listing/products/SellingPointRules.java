package io.storeops.listing.products;

import java.util.ArrayList;
import java.util.List;

/** What a selling-points card must be: something to read, in bounded lengths; refusals name the field. */
public final class SellingPointRules {

    static final int HIGHLIGHT_LIMIT = 200;
    static final int LIST_LIMIT = 30;

    private SellingPointRules() {}

    /** The card trimmed, or a refusal: it needs at least one highlight or answer to be worth reading. */
    public static SellingPoints.Card checked(SellingPoints.Card card) {
        if (card == null) {
            throw new IllegalArgumentException("the selling-points card is empty.");
        }
        List<String> highlights = new ArrayList<>();
        List<String> given = card.highlights() == null ? List.of() : card.highlights();
        if (given.size() > LIST_LIMIT) {
            throw new IllegalArgumentException("highlights: at most " + LIST_LIMIT + ".");
        }
        for (String highlight : given) {
            highlights.add(Texts.required(highlight, "highlights", HIGHLIGHT_LIMIT));
        }
        List<SellingPoints.Answer> answers = new ArrayList<>();
        List<SellingPoints.Answer> asked = card.answers() == null ? List.of() : card.answers();
        if (asked.size() > LIST_LIMIT) {
            throw new IllegalArgumentException("answers: at most " + LIST_LIMIT + ".");
        }
        for (SellingPoints.Answer answer : asked) {
            if (answer == null) {
                throw new IllegalArgumentException("answers: an entry is empty.");
            }
            answers.add(new SellingPoints.Answer(
                    Texts.required(answer.question(), "answers.question", HIGHLIGHT_LIMIT),
                    Texts.required(answer.answer(), "answers.answer", ProductRules.TEXT_LIMIT)));
        }
        if (highlights.isEmpty() && answers.isEmpty()) {
            throw new IllegalArgumentException("the card needs at least one highlight or answer.");
        }
        return new SellingPoints.Card(
                highlights,
                Texts.optional(card.materials(), "materials", ProductRules.TEXT_LIMIT),
                Texts.optional(card.sizesAndFit(), "sizesAndFit", ProductRules.TEXT_LIMIT),
                Texts.optional(card.care(), "care", ProductRules.TEXT_LIMIT),
                answers);
    }
}
