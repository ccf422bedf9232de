package io.storeops.order;

import io.storeops.platform.test.SignedWebhooks;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Storefront orders as the order-service tests send them (test stores and secrets). */
final class TestOrders {

    private TestOrders() {}

    /** A paid order of the Tmall store under a fresh number, through its signed webhook; returns the order id. */
    static String paidNativeOrder(WebTestClient http) {
        return paidNativeOrder(http, "T" + UUID.randomUUID().toString().substring(0, 8));
    }

    static String paidNativeOrder(WebTestClient http, String number) {
        SignedWebhooks.storefront(
                        http,
                        "tmall-flagship",
                        "order.paid",
                        UUID.randomUUID().toString(),
                        nativeOrder(number),
                        "test-storefront-secret")
                .expectStatus()
                .isOk();
        return "tmall-flagship:" + number;
    }

    static String shopifyOrder(long id) {
        return """
                {"id":%d,"name":"#%d","currency":"USD","financial_status":"paid","total_price":"44.48","processed_at":"2026-11-28T00:00:00-05:00",
                 "note":"leave at the door","source_name":"web",
                 "landing_site":"/products/mug?utm_source=google&utm_medium=cpc&utm_campaign=winter&utm_term=tea+mug",
                 "line_items":[{"sku":"MUG-1","title":"Mug","quantity":2,"price":"19.99","variant_id":1}],
                 "shipping_lines":[{"title":"Standard","code":"STD","price":"4.50"}],
                 "shipping_address":{"name":"Ann Lee","phone":"+1 212 555 0100","address1":"1 Main St","city":"New York",
                                     "province":"NY","zip":"10001","country_code":"US"}}
                """.formatted(id, id);
    }

    static String nativeOrder(String external) {
        return """
                {"orderId":"%s","currency":"CNY","paidAt":"2026-11-28T02:11:30Z","shippingFeeMinor":0,"totalMinor":29500,
                 "lines":[{"sku":"TEA-LJ-250","title":"西湖龙井 250g","quantity":2,"unitPriceMinor":12800},
                          {"sku":"CUP-GL-01","title":"玻璃杯","quantity":1,"unitPriceMinor":3900}],
                 "requestedCarrier":"SF",
                 "shippingAddress":{"name":"王芳","phone":"13800138000","country":"CN","province":"浙江省","city":"杭州市",
                                    "district":"西湖区","line1":"文三路 90 号","postalCode":"310012"}}
                """.formatted(external);
    }
}
