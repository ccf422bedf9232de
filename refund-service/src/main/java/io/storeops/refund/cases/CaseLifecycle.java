package io.storeops.refund.cases;

import static io.storeops.refund.cases.CaseCommand.APPROVE;
import static io.storeops.refund.cases.CaseCommand.BUYER_SHIPPED;
import static io.storeops.refund.cases.CaseCommand.CLOSE;
import static io.storeops.refund.cases.CaseCommand.EXPIRE;
import static io.storeops.refund.cases.CaseCommand.NEGOTIATE;
import static io.storeops.refund.cases.CaseCommand.PAID;
import static io.storeops.refund.cases.CaseCommand.RECEIVE;
import static io.storeops.refund.cases.CaseCommand.REFUSE_PAYOUT;
import static io.storeops.refund.cases.CaseCommand.REJECT;
import static io.storeops.refund.cases.CaseCommand.REPLACEMENT_SENT;
import static io.storeops.refund.cases.CaseCommand.RETRY_PAYOUT;
import static io.storeops.refund.cases.CaseCommand.REVISE;
import static io.storeops.refund.cases.CaseCommand.SETTLE;
import static io.storeops.refund.cases.CaseCommand.WITHDRAW;
import static io.storeops.refund.cases.CaseState.AWAITING_RETURN;
import static io.storeops.refund.cases.CaseState.CLOSED;
import static io.storeops.refund.cases.CaseState.COMPLETED;
import static io.storeops.refund.cases.CaseState.NEGOTIATING;
import static io.storeops.refund.cases.CaseState.PAYOUT_REFUSED;
import static io.storeops.refund.cases.CaseState.REFUNDING;
import static io.storeops.refund.cases.CaseState.REJECTED;
import static io.storeops.refund.cases.CaseState.REPLACING;
import static io.storeops.refund.cases.CaseState.REQUESTED;

import java.util.EnumMap;
import java.util.Map;

/**
 * The after-sale case's state machine, per case type: for every state and command, the state it
 * leads to, or a refusal. An approval pays a refund-only case at once, and makes the others wait
 * for the buyer's parcel; a received return is paid back, or, for an exchange, ends once the
 * replacement leaves the warehouse. A rejection goes to customer service to negotiate, and a revised request comes back
 * to the supervisor.
 */
public final class CaseLifecycle {

    private static final Map<CaseType, Map<CaseState, Map<CaseCommand, CaseState>>> MOVES =
            new EnumMap<>(CaseType.class);

    static {
        for (CaseType type : CaseType.values()) {
            Map<CaseState, Map<CaseCommand, CaseState>> moves = new EnumMap<>(CaseState.class);
            for (CaseState state : CaseState.values()) {
                moves.put(state, new EnumMap<>(CaseCommand.class));
            }
            moves.get(REQUESTED)
                    .putAll(Map.of(
                            APPROVE, type.returnsGoods() ? AWAITING_RETURN : REFUNDING,
                            REJECT, REJECTED,
                            // talking to the buyer before a decision (asking for a photo) is no answer to the
                            // request: it stays the supervisor's, and the marketplace's time to answer runs on
                            NEGOTIATE, REQUESTED,
                            REVISE, REQUESTED,
                            WITHDRAW, CLOSED));
            moves.get(REJECTED).putAll(Map.of(NEGOTIATE, NEGOTIATING, WITHDRAW, CLOSED, CLOSE, CLOSED));
            moves.get(NEGOTIATING)
                    .putAll(Map.of(NEGOTIATE, NEGOTIATING, REVISE, REQUESTED, WITHDRAW, CLOSED, CLOSE, CLOSED));
            if (type.returnsGoods()) {
                moves.get(AWAITING_RETURN)
                        .putAll(Map.of(
                                BUYER_SHIPPED,
                                AWAITING_RETURN,
                                RECEIVE,
                                type == CaseType.EXCHANGE ? REPLACING : REFUNDING,
                                SETTLE,
                                type == CaseType.EXCHANGE ? REPLACING : REFUNDING,
                                WITHDRAW,
                                CLOSED,
                                EXPIRE,
                                CLOSED,
                                CLOSE,
                                CLOSED));
            }
            if (type == CaseType.EXCHANGE) {
                // a replacement that cannot go (the item is gone for good) is closed by the supervisor, who
                // then refunds instead
                moves.get(REPLACING).putAll(Map.of(REPLACEMENT_SENT, COMPLETED, CLOSE, CLOSED));
            } else {
                moves.get(REFUNDING).putAll(Map.of(PAID, COMPLETED, REFUSE_PAYOUT, PAYOUT_REFUSED));
                // paid in the back office instead, or given up on: a person decides what a refused payout becomes
                moves.get(PAYOUT_REFUSED).putAll(Map.of(RETRY_PAYOUT, REFUNDING, PAID, COMPLETED, CLOSE, CLOSED));
            }
            MOVES.put(type, moves);
        }
    }

    private CaseLifecycle() {}

    /**
     * The state {@code command} leads a case of {@code type} in {@code state} to (possibly the same).
     *
     * @throws CaseConflict when the command is refused in that state
     */
    public static CaseState next(CaseType type, CaseState state, CaseCommand command) {
        CaseState target = MOVES.get(type).get(state).get(command);
        if (target == null) {
            throw new CaseConflict(
                    state, "A " + type + " case that is " + state + " cannot take " + command + "." + advice(state));
        }
        return target;
    }

    /** Whether a case of {@code type} in {@code state} takes {@code command}. */
    public static boolean takes(CaseType type, CaseState state, CaseCommand command) {
        return MOVES.get(type).get(state).containsKey(command);
    }

    private static String advice(CaseState state) {
        return switch (state) {
            case COMPLETED, CLOSED -> " It has ended: open a new case if the buyer asks again.";
            case REJECTED -> " Negotiate with the buyer, or close it for good.";
            case REFUNDING -> " The money is on its way back.";
            case PAYOUT_REFUSED -> " The gateway refused the payout: have it tried again, record it paid, or close it.";
            case REPLACING -> " The replacement is on its way: it ends when the parcel leaves the warehouse.";
            default -> "";
        };
    }
}
