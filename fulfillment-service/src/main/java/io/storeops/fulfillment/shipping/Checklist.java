package io.storeops.fulfillment.shipping;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.listing.PublishedSku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the warehouse checks a parcel against before it leaves (检查商品附件), line by line as the
 * outbound slip prints it: the SKU, its title, how many, and the accessories the listing packs with
 * it (its package contents). A SKU the listing never published keeps the order's title and has no
 * accessories to check.
 */
public record Checklist(List<Line> lines) {

    /**
     * One line of the parcel.
     *
     * @param productId   the listing's product (SPU), when the listing published the SKU
     * @param accessories what to find in the parcel with the goods (茶罐, 礼盒…); empty when nothing is listed
     */
    public record Line(
            String sku, String title, String variant, int quantity, String productId, List<String> accessories) {

        public Line {
            accessories = accessories == null ? List.of() : List.copyOf(accessories);
        }
    }

    /** An accessory of a line's SKU that the check did not find in the parcel. */
    public record Missing(String sku, String item) {

        @Override
        public String toString() {
            return item + " (" + sku + ")";
        }
    }

    public Checklist {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The checklist of {@code shipment}'s lines, with what the listing published of their SKUs. */
    public static Checklist of(Fulfillment shipment, Map<String, PublishedSku> listed) {
        List<Line> lines = new ArrayList<>();
        for (ItemQuantity line : shipment.lines()) {
            Optional<PublishedSku> item = Optional.ofNullable(listed.get(line.sku()));
            lines.add(new Line(
                    line.sku(),
                    item.map(PublishedSku::title).orElseGet(() -> shipment.orderTitleOf(line.sku())),
                    item.map(PublishedSku::variant).orElse(null),
                    line.quantity(),
                    item.map(PublishedSku::productId).orElse(null),
                    item.map(PublishedSku::packageContents).orElse(List.of())));
        }
        return new Checklist(lines);
    }

    /** The accessories of {@code sku}'s line; empty when the parcel has no such line or nothing is listed. */
    public List<String> accessoriesOf(String sku) {
        return line(sku).map(Line::accessories).orElse(List.of());
    }

    private Optional<Line> line(String sku) {
        return lines.stream().filter(line -> sku.equals(line.sku())).findFirst();
    }

    /**
     * The items a check names missing, each found on this checklist (spelt as the checklist spells
     * it, named once): a line's SKU and one of its accessories. Anything else is refused, naming it.
     *
     * @throws NotOnChecklist           for a SKU the parcel does not carry, or an item its line does not list
     * @throws IllegalArgumentException for an entry without its SKU or item
     */
    public List<Missing> confirm(List<Missing> named) {
        if (named == null) {
            return List.of();
        }
        List<Missing> confirmed = new ArrayList<>();
        for (Missing missing : named) {
            if (missing == null || blank(missing.sku()) || blank(missing.item())) {
                throw new IllegalArgumentException(
                        "each missing entry needs the sku of a line and the item of its checklist that is missing");
            }
            String sku = missing.sku().strip();
            String item = missing.item().strip();
            Line line = line(sku)
                    .orElseThrow(() -> new NotOnChecklist(
                            sku,
                            item,
                            List.of(),
                            "The parcel carries no " + sku + ": '" + item + "' is not on its checklist."));
            String listed = line.accessories().stream()
                    .filter(accessory -> accessory.equalsIgnoreCase(item))
                    .findFirst()
                    .orElseThrow(() -> new NotOnChecklist(
                            sku,
                            item,
                            line.accessories(),
                            line.accessories().isEmpty()
                                    ? "'" + item + "' is not on the checklist of " + sku + ": the listing packs no "
                                            + "accessories with it."
                                    : "'" + item + "' is not on the checklist of " + sku + " ("
                                            + String.join(", ", line.accessories()) + ")."));
            Missing found = new Missing(sku, listed);
            if (!confirmed.contains(found)) {
                confirmed.add(found);
            }
        }
        return List.copyOf(confirmed);
    }

    /** What a check's note says of the items it found missing: {@code missing: 礼盒 (TEA-LJ-250), 茶罐 (TEA-LJ-250)}. */
    public static String noteOf(List<Missing> missing) {
        return "missing: " + missing.stream().map(Missing::toString).collect(Collectors.joining(", "));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
