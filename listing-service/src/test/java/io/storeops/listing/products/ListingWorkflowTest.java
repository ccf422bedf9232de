package io.storeops.listing.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.security.StaffRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listing flow's grid, every step against every command: each row names the commands a step
 * takes and where each leads ("=" stays); every command a row does not name is refused with a
 * {@code listing-step} conflict. Then who may give each command, as the handbook hands out the work.
 */
class ListingWorkflowTest {

    private static final String GRID = """
            SELECTED                 PUBLISH_SELLING_POINTS>SELLING_POINTS_PUBLISHED EDIT>= WITHDRAW>WITHDRAWN
            SELLING_POINTS_PUBLISHED PUBLISH_SELLING_POINTS>= SUBMIT_ORIGINALS>SHOT EDIT>= WITHDRAW>WITHDRAWN
            SHOT                     PUBLISH_SELLING_POINTS>= SUBMIT_ORIGINALS>= SUBMIT_RETOUCHED>RETOUCHED EDIT>= WITHDRAW>WITHDRAWN
            RETOUCHED                PUBLISH_SELLING_POINTS>= APPROVE_IMAGES>IMAGES_APPROVED REJECT_IMAGES>IMAGES_REJECTED EDIT>= WITHDRAW>WITHDRAWN
            IMAGES_REJECTED          PUBLISH_SELLING_POINTS>= SUBMIT_RETOUCHED>RETOUCHED EDIT>= WITHDRAW>WITHDRAWN
            IMAGES_APPROVED          PUBLISH_SELLING_POINTS>= SUBMIT_DETAIL_PAGE>DETAIL_PAGE_SUBMITTED EDIT>= WITHDRAW>WITHDRAWN
            DETAIL_PAGE_SUBMITTED    PUBLISH_SELLING_POINTS>= APPROVE_DETAIL_PAGE>DETAIL_PAGE_APPROVED REJECT_DETAIL_PAGE>DETAIL_PAGE_REJECTED EDIT>= WITHDRAW>WITHDRAWN
            DETAIL_PAGE_REJECTED     PUBLISH_SELLING_POINTS>= SUBMIT_DETAIL_PAGE>DETAIL_PAGE_SUBMITTED EDIT>= WITHDRAW>WITHDRAWN
            DETAIL_PAGE_APPROVED     PUBLISH_SELLING_POINTS>= SUBMIT_DETAIL_PAGE>DETAIL_PAGE_SUBMITTED EDIT>= PUBLISH>PUBLISHING WITHDRAW>WITHDRAWN
            PUBLISHING               PUBLISH_SELLING_POINTS>= CONFIRM_PUBLISHED>PUBLISHED WITHDRAW>WITHDRAWN
            PUBLISHED                PUBLISH_SELLING_POINTS>= SUBMIT_DETAIL_PAGE>CHANGE_IN_REVIEW EDIT>CHANGED WITHDRAW>WITHDRAWN
            CHANGE_IN_REVIEW         PUBLISH_SELLING_POINTS>= APPROVE_DETAIL_PAGE>CHANGED REJECT_DETAIL_PAGE>PUBLISHED EDIT>= WITHDRAW>WITHDRAWN
            CHANGED                  PUBLISH_SELLING_POINTS>= SUBMIT_DETAIL_PAGE>CHANGE_IN_REVIEW EDIT>= PUBLISH>PUBLISHING WITHDRAW>WITHDRAWN
            WITHDRAWN                EDIT>= PUBLISH>PUBLISHING
            """;

    /** Who may give each command: the roles of its action (none: the publisher's own). */
    private static final Map<ListingCommand, Set<StaffRole>> ROLES = new EnumMap<>(Map.ofEntries(
            Map.entry(ListingCommand.PUBLISH_SELLING_POINTS, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.SUBMIT_ORIGINALS, Set.of(StaffRole.STORE_MANAGER, StaffRole.DESIGNER)),
            Map.entry(ListingCommand.SUBMIT_RETOUCHED, Set.of(StaffRole.DESIGNER)),
            Map.entry(ListingCommand.APPROVE_IMAGES, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.REJECT_IMAGES, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.SUBMIT_DETAIL_PAGE, Set.of(StaffRole.DESIGNER)),
            Map.entry(ListingCommand.APPROVE_DETAIL_PAGE, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.REJECT_DETAIL_PAGE, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.EDIT, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.PUBLISH, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER)),
            Map.entry(ListingCommand.CONFIRM_PUBLISHED, Set.of()),
            Map.entry(ListingCommand.WITHDRAW, Set.of(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER))));

    static List<Arguments> everyStepAndCommand() {
        Map<ListingStep, Map<ListingCommand, ListingStep>> grid = grid();
        List<Arguments> cells = new ArrayList<>();
        for (ListingStep step : ListingStep.values()) {
            for (ListingCommand command : ListingCommand.values()) {
                cells.add(Arguments.of(step, command, grid.get(step).get(command)));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStepAndCommand")
    void everyStepAndCommandLeadsWhereTheGridSays(ListingStep from, ListingCommand command, ListingStep to) {
        assertThat(ListingWorkflow.takes(from, command)).isEqualTo(to != null);
        if (to == null) {
            assertThatThrownBy(() -> ListingWorkflow.next(from, command))
                    .isInstanceOfSatisfying(ListingConflict.class, conflict -> {
                        assertThat(conflict.kind()).isEqualTo("listing-step");
                        assertThat(conflict.current()).isEqualTo(from);
                        assertThat(conflict.getMessage()).contains(from.name(), command.name());
                    });
        } else {
            assertThat(ListingWorkflow.next(from, command)).isEqualTo(to);
        }
    }

    @Test
    void theGridNamesEveryStepOnceInOrder() {
        assertThat(GRID.lines().map(line -> line.trim().split("\\s+")[0]))
                .containsExactly(
                        Arrays.stream(ListingStep.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void eachCommandIsGivenByTheRolesTheHandbookNames() {
        for (ListingCommand command : ListingCommand.values()) {
            Set<StaffRole> allowed = command.action()
                    .map(action -> Set.copyOf(action.allowedRoles()))
                    .orElse(Set.of());
            assertThat(allowed).as("who may %s", command).isEqualTo(ROLES.get(command));
        }
    }

    @Test
    void aProductInReviewIsTimedAndOneOnSaleIsSaidToBe() {
        assertThat(Arrays.stream(ListingStep.values()).filter(ListingStep::inReview))
                .containsExactly(
                        ListingStep.RETOUCHED, ListingStep.DETAIL_PAGE_SUBMITTED, ListingStep.CHANGE_IN_REVIEW);
        assertThat(Arrays.stream(ListingStep.values()).filter(ListingStep::onSale))
                .containsExactly(ListingStep.PUBLISHED, ListingStep.CHANGE_IN_REVIEW, ListingStep.CHANGED);
    }

    private static Map<ListingStep, Map<ListingCommand, ListingStep>> grid() {
        Map<ListingStep, Map<ListingCommand, ListingStep>> grid = new EnumMap<>(ListingStep.class);
        GRID.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            ListingStep step = ListingStep.valueOf(cells[0]);
            grid.put(
                    step,
                    Arrays.stream(cells)
                            .skip(1)
                            .map(cell -> cell.split(">"))
                            .collect(Collectors.toMap(
                                    move -> ListingCommand.valueOf(move[0]),
                                    move -> move[1].equals("=") ? step : ListingStep.valueOf(move[1]),
                                    (one, other) -> one,
                                    () -> new EnumMap<>(ListingCommand.class))));
        });
        return grid;
    }
}
