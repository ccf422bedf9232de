package io.storeops.console.analytics;

import io.storeops.console.Formats;
import io.storeops.console.analytics.AnalyticsModel.Progress;
import io.storeops.console.analytics.AnalyticsModel.ProgressDay;
import io.storeops.console.analytics.AnalyticsModel.Target;
import io.storeops.console.desk.AnalyticsDesk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sales targets: the year's quarters with their targets and months, the progress of one quarter
 * (achieved, gap, share, projection, and the running total against the target line as a chart),
 * and, for the manager, the form that sets a quarter's target with the amount typed in yuan or
 * dollars (sent in minor units exactly).
 */
@Controller
class TargetPages {

    static final List<String> BREAKDOWNS = List.of("EVEN", "LAST_YEAR", "BY_HAND");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final AnalyticsApi api;
    private final PromotionFrame frame;
    private final ProblemExplanations problems;
    private final Formats formats;

    TargetPages(AnalyticsApi api, PromotionFrame frame, ProblemExplanations problems, Formats formats) {
        this.api = api;
        this.frame = frame;
        this.problems = problems;
        this.formats = formats;
    }

    /** The target form as typed: amounts as text in the currency's major unit, months of the quarter in order. */
    record TargetForm(String quarter, String amount, String breakdown, List<String> months, String owner) {

        TargetForm {
            months = months == null ? List.of() : months;
        }

        public String month(int index) {
            return index < months.size() ? months.get(index) : null;
        }
    }

    @GetMapping("/promotion/targets")
    Mono<String> targets(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String set,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return frame.of("targets", store, model, exchange)
                .flatMap(shown -> {
                    String current = quarterOf(PromotionFrame.today(shown));
                    int shownYear = year != null ? year : quarter != null ? year(quarter) : year(current);
                    model.addAttribute("year", shownYear);
                    model.addAttribute("set", set);
                    formModel(model, shownYear, null);
                    return api.targets(shown.storeId(), shownYear).flatMap(list -> {
                        model.addAttribute("targets", list.targets());
                        String shownQuarter = quarter != null
                                ? quarter
                                : list.targets().stream()
                                        .map(Target::quarter)
                                        .filter(current::equals)
                                        .findFirst()
                                        .orElse(
                                                list.targets().isEmpty()
                                                        ? current
                                                        : list.targets().get(0).quarter());
                        model.addAttribute("quarter", shownQuarter);
                        if (shownQuarter == null
                                || list.targets().stream()
                                        .noneMatch(target -> target.quarter().equals(shownQuarter))) {
                            return Mono.empty();
                        }
                        return api.progress(shown.storeId(), shownQuarter, null)
                                .doOnNext(progress -> showProgress(progress, shown, model, locale));
                    });
                })
                .thenReturn("targets");
    }

    @PostMapping("/promotion/targets")
    Mono<String> setTarget(
            @RequestParam String store,
            @ModelAttribute TargetForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return frame.of(AnalyticsDesk.SET_TARGETS, "targets", store, model, exchange)
                .flatMap(shown -> {
                    Matcher quarter = QUARTER.matcher(form.quarter() == null ? "" : form.quarter());
                    formModel(
                            model,
                            quarter.matches()
                                    ? year(form.quarter())
                                    : LocalDate.now().getYear(),
                            form);
                    Map<String, Object> body;
                    try {
                        body = body(form, quarter, shown.currency());
                    } catch (IllegalArgumentException notAnAmount) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        model.addAttribute("formProblem", notAnAmount.getMessage());
                        return Mono.just("targets :: form");
                    }
                    return api.setTarget(shown.storeId(), form.quarter(), body)
                            .doOnNext(target -> exchange.getResponse()
                                    .getHeaders()
                                    .set(
                                            "HX-Redirect",
                                            UriComponentsBuilder.fromPath("/promotion/targets")
                                                    .queryParam("store", shown.storeId())
                                                    .queryParam("quarter", target.quarter())
                                                    .queryParam("set", target.quarter())
                                                    .encode()
                                                    .build()
                                                    .toUriString()))
                            .then()
                            .onErrorResume(
                                    ServiceProblem.class,
                                    refused -> problems.showInPlace(refused, model, locale, exchange))
                            .thenReturn("targets :: form");
                });
    }

    /**
     * The body of {@code PUT /targets/{storeId}/{quarter}} from the form, the amounts in minor units.
     *
     * @throws IllegalArgumentException with the message key of what the page says is wrong
     */
    static Map<String, Object> body(TargetForm form, Matcher quarter, String currency) {
        if (!quarter.matches()) {
            throw new IllegalArgumentException("target.problem.quarter");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "amountMinor",
                amount(form.amount(), currency)
                        .orElseThrow(() -> new IllegalArgumentException("target.problem.amount")));
        String breakdown = BREAKDOWNS.contains(form.breakdown()) ? form.breakdown() : "EVEN";
        body.put("breakdown", breakdown);
        if (breakdown.equals("BY_HAND")) {
            Map<String, Long> months = new LinkedHashMap<>();
            List<YearMonth> ofQuarter = months(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
            for (int i = 0; i < ofQuarter.size(); i++) {
                months.put(
                        ofQuarter.get(i).toString(),
                        amount(form.month(i), currency)
                                .orElseThrow(() -> new IllegalArgumentException("target.problem.months")));
            }
            body.put("months", months);
        }
        if (form.owner() != null && !form.owner().isBlank()) {
            body.put("owner", form.owner().strip());
        }
        return body;
    }

    private static Optional<Long> amount(String text, String currency) {
        try {
            return Formats.minorUnits(text, currency);
        } catch (IllegalArgumentException notAnAmount) {
            throw new IllegalArgumentException("target.problem.amount", notAnAmount);
        }
    }

    /** The form's choices: the year's quarters, the breakdowns, and what was typed (kept when refused). */
    private static void formModel(Model model, int year, TargetForm typed) {
        model.addAttribute(
                "quarters",
                IntStream.rangeClosed(1, 4).mapToObj(q -> year + "-Q" + q).toList());
        model.addAttribute("breakdowns", BREAKDOWNS);
        model.addAttribute("typed", typed);
    }

    private void showProgress(Progress progress, DeskStore store, Model model, Locale locale) {
        model.addAttribute("progress", progress);
        List<Long> target = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        for (ProgressDay day : progress.days()) {
            target.add(day.targetCumulativeMinor());
            actual.add(day.cumulativeMinor());
        }
        long top = Math.max(
                progress.targetMinor(),
                actual.stream()
                        .filter(Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0));
        model.addAttribute(
                "progressChart",
                Charts.lines(
                        target,
                        actual,
                        String.valueOf(progress.from()),
                        String.valueOf(progress.to()),
                        formats.money(top, store.currency(), locale)));
    }

    static List<YearMonth> months(int year, int quarter) {
        return IntStream.range(0, 3)
                .mapToObj(i -> YearMonth.of(year, (quarter - 1) * 3 + 1 + i))
                .toList();
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static int year(String quarter) {
        Matcher matched = QUARTER.matcher(quarter);
        return matched.matches()
                ? Integer.parseInt(matched.group(1))
                : LocalDate.now().getYear();
    }
}
