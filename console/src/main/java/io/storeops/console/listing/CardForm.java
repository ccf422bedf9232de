package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.Answer;
import io.storeops.console.listing.ListingModel.SellingPoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The selling-points card editor (产品卖点) as the person typed it: the highlights one per line,
 * materials, sizes and fit, care, and the answers to buyers' common questions as question and
 * answer pairs ({@code question.N}, {@code answer.N}). Kept as typed for a refused card.
 */
public record CardForm(String highlights, String materials, String sizesAndFit, String care, List<Answer> answers) {

    /** Blank question-and-answer pairs the editor offers below the card's own. */
    static final int BLANK_ANSWERS = 2;

    private static final Pattern ANSWER_FIELD = Pattern.compile("(?:question|answer)\\.(\\d{1,2})");

    public CardForm {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** The editor over the current card (empty when there is none yet), with blank pairs to add answers. */
    static CardForm of(SellingPoints card) {
        List<Answer> answers = new ArrayList<>();
        if (card == null) {
            answers.addAll(blankAnswers());
            return new CardForm("", "", "", "", answers);
        }
        answers.addAll(card.answers());
        answers.addAll(blankAnswers());
        return new CardForm(
                String.join("\n", card.highlights()),
                text(card.materials()),
                text(card.sizesAndFit()),
                text(card.care()),
                answers);
    }

    static CardForm read(MultiValueMap<String, String> form) {
        Set<Integer> indexes = new TreeSet<>();
        form.keySet().forEach(name -> {
            Matcher field = ANSWER_FIELD.matcher(name);
            if (field.matches()) {
                indexes.add(Integer.parseInt(field.group(1)));
            }
        });
        List<Answer> answers = new ArrayList<>();
        indexes.forEach(index -> answers.add(
                new Answer(text(form.getFirst("question." + index)), text(form.getFirst("answer." + index)))));
        return new CardForm(
                text(form.getFirst("highlights")),
                text(form.getFirst("materials")),
                text(form.getFirst("sizesAndFit")),
                text(form.getFirst("care")),
                answers);
    }

    /** listing-service's card: the highlights that are not blank, the pairs not left blank (a half pair is sent, for the service to refuse). */
    Map<String, Object> card() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put(
                "highlights",
                Arrays.stream(highlights.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList());
        card.put("materials", materials);
        card.put("sizesAndFit", sizesAndFit);
        card.put("care", care);
        card.put(
                "answers",
                answers.stream()
                        .filter(answer ->
                                !answer.question().isBlank() || !answer.answer().isBlank())
                        .map(answer -> Map.of("question", answer.question(), "answer", answer.answer()))
                        .toList());
        return card;
    }

    private static List<Answer> blankAnswers() {
        List<Answer> blank = new ArrayList<>();
        for (int i = 0; i < BLANK_ANSWERS; i++) {
            blank.add(new Answer("", ""));
        }
        return blank;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
