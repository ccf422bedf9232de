package io.storeops.console.listing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.storeops.console.ServiceStubs.json;

import io.storeops.console.ServiceStubs;
import io.storeops.console.StubServices;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** listing-service's answers and the desks of the people the listing tests sign in as. */
public final class ListingStubs {

    /** The product of the fixtures, as the console's routes and listing-service's name it. */
    public static final String PRODUCT = "/api/listings/LJ-2026";

    private ListingStubs() {}

    /** The supervisor (both stores) and after-sale customer service; the other desks answer nothing. */
    public static void desks() {
        ServiceStubs.desk("supervisor-token", "aftersale/desk-supervisor.json");
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        StubServices.server()
                .stubFor(get(urlPathMatching("/api/(warehouse|after-sale)-desk"))
                        .willReturn(json(200, "{\"actions\": [], \"stores\": []}")));
    }

    /** A fixture of listing-service's with {@code replacements} made: text, its replacement, text… */
    public static String product(String fixture, String... replacements) {
        String answer = ServiceStubs.read("listing/" + fixture);
        for (int i = 0; i < replacements.length; i += 2) {
            if (!answer.contains(replacements[i])) {
                throw new IllegalArgumentException(fixture + " has no " + replacements[i]);
            }
            answer = answer.replace(replacements[i], replacements[i + 1]);
        }
        return answer;
    }

    /** Every picture and thumbnail of every product answers {@link #PICTURE}, as listing-service serves them. */
    public static void pictures() {
        StubServices.server()
                .stubFor(get(urlPathMatching("/api/listings/[^/]+/images/[^/]+(/thumbnail)?"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "image/png")
                                .withHeader("Cache-Control", "max-age=86400, private")
                                .withBody(PICTURE)));
    }

    /** A small PNG photograph: a green square with a white disc. */
    public static final byte[] PICTURE = png(120, 120);

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = image.createGraphics();
        canvas.setColor(new Color(0x3c7a4a));
        canvas.fillRect(0, 0, width, height);
        canvas.setColor(Color.WHITE);
        canvas.fillOval(width / 4, height / 4, width / 2, height / 2);
        canvas.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }
}
