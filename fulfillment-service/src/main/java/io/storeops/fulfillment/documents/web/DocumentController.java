package io.storeops.fulfillment.documents.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.documents.DocumentKind;
import io.storeops.fulfillment.documents.Documents;
import io.storeops.fulfillment.shipping.Checklists;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.FileDownloads;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A dispatch batch's printed documents, as PDF downloads. */
@RestController
@RequestMapping("/api/dispatch-batches")
@Tag(name = "Dispatch batches")
@SecurityRequirement(name = "bearer")
class DocumentController {

    private final DispatchBatches batches;
    private final Fulfillments fulfillments;
    private final Checklists checklists;
    private final Documents documents;

    DocumentController(DispatchBatches batches, Fulfillments fulfillments, Checklists checklists, Documents documents) {
        this.batches = batches;
        this.fulfillments = fulfillments;
        this.checklists = checklists;
        this.documents = documents;
    }

    @GetMapping(value = "/{batchId}/documents/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "One kind of the batch's documents as one PDF: daily-report, outbound-slips or waybills",
            description = "Chinese and Latin text in the embedded font; the daily report shows the stamps made so far, "
                    + "the outbound slips each line's accessories (from the listing's package contents) with a box "
                    + "to tick.")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String batchId, @PathVariable String kind) {
        DocumentKind documentKind =
                DocumentKind.ofSlug(kind).orElseThrow(() -> Problems.notFound("Document kind", kind));
        return StaffAccess.require(WarehouseAction.SEE_BATCHES)
                .flatMap(staff -> visible(staff, batchId))
                .flatMap(batch -> shipmentsOf(batch)
                        .flatMap(shipments -> checklists
                                .of(shipments)
                                .flatMap(checklist -> documents.pdf(batch, shipments, checklist, documentKind)))
                        .map(file -> FileDownloads.temporary(
                                file, MediaType.APPLICATION_PDF, Documents.fileName(batch, documentKind))));
    }

    @GetMapping(value = "/{batchId}/documents", produces = "application/zip")
    @Operation(summary = "All of the batch's documents, one PDF per kind, in a zip")
    Mono<ResponseEntity<Flux<DataBuffer>>> documents(@PathVariable String batchId) {
        return StaffAccess.require(WarehouseAction.SEE_BATCHES)
                .flatMap(staff -> visible(staff, batchId))
                .flatMap(batch -> shipmentsOf(batch)
                        .flatMap(shipments -> checklists
                                .of(shipments)
                                .flatMap(checklist -> documents.zip(batch, shipments, checklist)))
                        .map(file -> FileDownloads.temporary(
                                file,
                                MediaType.parseMediaType("application/zip"),
                                batch.batchId() + "-documents.zip")));
    }

    private Mono<DispatchBatch> visible(Staff staff, String batchId) {
        return batches.find(batchId)
                .filter(batch -> staff.canSee(batch.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Dispatch batch", batchId)));
    }

    private Mono<List<Fulfillment>> shipmentsOf(DispatchBatch batch) {
        return fulfillments.findAll(batch.shipmentIds()).collectList();
    }
}
