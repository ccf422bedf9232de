package io.storeops.analytics.reports.document;

import java.util.List;

/**
 * Key figures, printed as a grid of boxes (up to four a row): e.g. 成交金额 GMV ¥12,345.00, +12.5 %
 * vs the previous week, 82.3 % of target.
 */
public record Tiles(String heading, List<Tile> tiles) implements Section {

    public Tiles {
        tiles = List.copyOf(tiles);
    }
}
