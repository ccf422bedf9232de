package io.storeops.analytics.costs;

import io.storeops.platform.sheets.Headers;
import java.util.HashMap;
import java.util.Map;

/** What a store's operating cost went on. */
public enum CostCategory {
    /** Pay-per-click spend: never entered, it is the imported reports' spend of the month. */
    AD_SPEND("推广费", "广告费", "直通车"),
    /** Wages and other staff costs (人工, 工资). */
    STAFF("人工", "工资", "人工成本", "人力", "Staff", "Salaries", "Wages", "Payroll"),
    /** The platform's fees and commissions (平台费, 佣金, 技术服务费). */
    PLATFORM_FEES("平台费", "佣金", "技术服务费", "平台佣金", "扣点", "Platform fees", "Platform fee", "Fees", "Commission"),
    /** Shipping and logistics (运费, 物流). */
    SHIPPING("运费", "物流", "快递费", "物流费", "Shipping", "Logistics", "Freight"),
    OTHER("其他", "其它", "Other", "Misc");

    private static final Map<String, CostCategory> NAMES = new HashMap<>();

    static {
        for (CostCategory category : values()) {
            NAMES.put(Headers.key(category.name()), category);
            NAMES.put(Headers.key(category.name().replace('_', ' ')), category);
            for (String name : category.names) {
                NAMES.put(Headers.key(name), category);
            }
        }
    }

    private final String[] names;

    CostCategory(String... names) {
        this.names = names;
    }

    /** Whether staff enter (or import) it; ad spend comes from the pay-per-click imports. */
    public boolean entered() {
        return this != AD_SPEND;
    }

    /**
     * The category a person or a file names, in English or Chinese, case and spaces aside.
     *
     * @throws IllegalArgumentException for an unknown name, and for ad spend, which is not entered
     */
    public static CostCategory named(String name) {
        CostCategory category = name == null ? null : NAMES.get(Headers.key(name));
        if (category == null) {
            throw new IllegalArgumentException("the category must be STAFF (人工/工资), PLATFORM_FEES (平台费/佣金/"
                    + "技术服务费), SHIPPING (运费/物流) or OTHER (其他), not '" + name + "'");
        }
        if (!category.entered()) {
            throw new IllegalArgumentException(
                    "ad spend is not entered: it is the month's spend of the imported pay-per-click reports");
        }
        return category;
    }
}
