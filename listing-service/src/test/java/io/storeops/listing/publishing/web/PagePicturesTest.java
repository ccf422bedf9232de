package io.storeops.listing.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's pictures point where the storefront keeps them, or are left out; the rest stays as approved. */
class PagePicturesTest {

    @Test
    void picturesPointAtTheStorefrontsCopiesAndThoseWithoutOneAreLeftOut() {
        String page = "<p>茶汤<img src=\"image:img-3\" alt=\"汤色\"></p><table><tbody><tr><td>产地</td><td>杭州</td></tr>"
                + "</tbody></table><img src=\"image:img-5\">";

        assertThat(PagePictures.withAddresses(page, Map.of("img-3", "https://img.example/p/3.jpg")))
                .isEqualTo("<p>茶汤<img src=\"https://img.example/p/3.jpg\" alt=\"汤色\"></p><table><tbody><tr><td>产地</td>"
                        + "<td>杭州</td></tr></tbody></table>");
        assertThat(PagePictures.withoutPictures(page))
                .isEqualTo("<p>茶汤</p><table><tbody><tr><td>产地</td><td>杭州</td></tr></tbody></table>");
    }

    @Test
    void aPageWithoutPicturesGoesOutAsItIs() {
        assertThat(PagePictures.withoutPictures("<h2>明前特级</h2><p>清明前采摘 &amp; 手工炒制</p>"))
                .isEqualTo("<h2>明前特级</h2><p>清明前采摘 &amp; 手工炒制</p>");
    }
}
