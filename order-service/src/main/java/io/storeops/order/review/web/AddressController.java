package io.storeops.order.review.web;

import io.storeops.contracts.Address;
import io.storeops.order.lifecycle.AddressDoubt;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderCommandAnswers;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.lifecycle.web.OrderView;
import io.storeops.order.lifecycle.web.StaffOrderCommands;
import io.storeops.order.review.AddressCorrection;
import io.storeops.order.review.AddressRejected;
import io.storeops.order.review.ReviewProperties;
import io.storeops.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Address verification (核实地址): customer service corrects where a parcel goes before it leaves. */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class AddressController {

    private static final String DOUBTFUL_EXAMPLE = """
            {"type": "urn:storeops:problem:address-doubtful", "title": "Address still doubtful", "status": 422,
             "detail": "The address is still doubtful: the phone number is missing.", "doubts": ["the phone number is missing"],
             "doubtKinds": ["PHONE_MISSING"]}
            """;

    private final Orders orders;
    private final StaffOrderCommands commands;
    private final ReviewProperties review;

    AddressController(Orders orders, StaffOrderCommands commands, ReviewProperties review) {
        this.orders = orders;
        this.review = review;
        this.commands = commands;
    }

    @Schema(description = "The whole corrected address, as the parcel should be labelled")
    record CorrectedAddress(
            @Schema(example = "王芳") String name,
            @Schema(example = "13800138000") String phone,

            @Schema(description = "ISO 3166 country code", example = "CN")
            String country,

            @Schema(example = "浙江省") String province,
            @Schema(example = "杭州市") String city,
            @Schema(example = "拱墅区") String district,
            @Schema(example = "莫干山路 100 号") String line1,
            String line2,
            @Schema(example = "310005") String postalCode) {

        Address address() {
            return new Address(name, phone, country, province, city, district, line1, line2, postalCode);
        }
    }

    @PutMapping("/api/orders/{orderId}/address")
    @OrderCommandAnswers
    @ApiResponse(
            responseCode = "422",
            description = "The corrected address is still doubtful; the problem lists the doubts",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "address-doubtful", value = DOUBTFUL_EXAMPLE)))
    @Operation(
            summary = "Correct the shipping address before dispatch (核实或修改客户地址)",
            description =
                    "The corrected address must pass the address check (name, phone, postcode of its country, street, "
                            + "PO box for the requested carrier); 422 lists what is still doubtful. Old and new address, who and when "
                            + "are kept with the order. After dispatch: 409.")
    Mono<OrderView> changeAddress(@PathVariable String orderId, @RequestBody CorrectedAddress corrected) {
        return commands.run(
                        orderId,
                        OrderDeskAction.CHANGE_ADDRESS,
                        by -> orders.change(
                                orderId,
                                (order, now) -> AddressCorrection.change(
                                        order,
                                        corrected.address(),
                                        review.rulesOf(order.storeId()).addressCheck(),
                                        by,
                                        now)))
                .onErrorMap(
                        AddressRejected.class,
                        rejected -> new ProblemException(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "address-doubtful",
                                "Address still doubtful",
                                rejected.getMessage(),
                                Map.of(
                                        "doubts",
                                        AddressDoubt.texts(rejected.doubts()),
                                        "doubtKinds",
                                        rejected.doubts().stream()
                                                .map(AddressDoubt::kind)
                                                .toList())));
    }
}
