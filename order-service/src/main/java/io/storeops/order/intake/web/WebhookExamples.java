package io.storeops.order.intake.web;

/** Example bodies of the order webhooks, shown in the API documentation. */
final class WebhookExamples {

    private WebhookExamples() {}

    static final String SHOPIFY_ORDER = """
            {"id": 820982911946154508, "name": "#1001", "currency": "USD", "financial_status": "paid",
             "created_at": "2026-11-27T23:58:00-05:00", "processed_at": "2026-11-28T00:00:00-05:00", "cancelled_at": null,
             "total_price": "41.98", "total_discounts": "5.00", "total_tax": "2.99", "taxes_included": false,
             "note": "gift wrap please", "note_attributes": [{"name": "carrier", "value": "UPS"}],
             "discount_codes": [{"code": "WINTER5", "amount": "5.00", "type": "fixed_amount"}],
             "email": "amy@example.com", "customer": {"id": 77, "first_name": "Amy", "last_name": "Lee"},
             "source_name": "web", "landing_site": "/?utm_source=google&utm_medium=cpc&utm_campaign=winter&utm_term=tea+mug",
             "line_items": [{"sku": "MUG-1", "title": "Mug", "quantity": 2, "price": "19.99", "variant_id": 1}],
             "shipping_lines": [{"title": "Standard", "code": "STD", "price": "5.00"}],
             "shipping_address": {"name": "Amy Lee", "phone": "+1 212 555 0100", "address1": "1 Main St", "city": "New York",
                                  "province": "NY", "zip": "10001", "country_code": "US"}}
            """;

    static final String NATIVE_ORDER = """
            {"orderId": "T20261128-0001", "currency": "CNY", "placedAt": "2026-11-28T02:09:12Z", "paidAt": "2026-11-28T02:11:30Z",
             "lines": [{"sku": "TEA-LJ-250", "title": "西湖龙井 250g", "quantity": 2, "unitPriceMinor": 12800},
                       {"sku": "CUP-GL-01", "title": "玻璃杯", "quantity": 1, "unitPriceMinor": 3900}],
             "shippingFeeMinor": 0, "discountMinor": 1000, "totalMinor": 28500,
             "buyer": {"name": "王芳", "phone": "13800138000"}, "buyerNote": "请发顺丰", "requestedCarrier": "SF",
             "shippingAddress": {"name": "王芳", "phone": "13800138000", "country": "CN", "province": "浙江省", "city": "杭州市",
                                 "district": "西湖区", "line1": "文三路 90 号 5 幢 302", "postalCode": "310012"},
             "attribution": {"source": "ztc", "medium": "cpc", "campaign": "spring-tea", "keyword": "龙井"}}
            """;

    static final String NATIVE_CANCELLATION = """
            {"orderId": "T20261128-0001", "reason": "Buyer ordered twice"}
            """;
}
