package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.Headers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header names of real 直通车 and Google Ads exports: those read into a {@link PpcRow} and those
 * known to be computed or not kept (ignored). Headers are compared after Unicode NFKC normalisation
 * (full-width brackets become ASCII ones), without white space and case; a trailing unit in brackets
 * ("花费(元)", "点击率(%)", "Cost (USD)") is allowed, and "(分)" on a money column means the values are
 * already in minor units.
 */
final class Vocabulary {

    /** A header the vocabulary knows; {@code minorUnits} when its money is already in 分. */
    record Known(ReportSource source, Field field, boolean minorUnits) {}

    private static final Map<String, Known> KNOWN = new HashMap<>();
    private static final Map<ReportSource, List<String>> READ = new EnumMap<>(ReportSource.class);
    private static final Map<ReportSource, List<String>> IGNORED = new EnumMap<>(ReportSource.class);
    private static final Pattern UNIT = Pattern.compile("(.+)\\((元|分|%|‰|次|个|笔|件|人|[a-z]{3})\\)");

    static {
        ReportSource z = ReportSource.TAOBAO_ZTC;
        read(z, Field.DAY, "日期", "时间", "统计日期", "数据日期");
        read(z, Field.ACCOUNT, "账户", "账户名称", "账户名", "店铺名称", "店铺名");
        read(z, Field.CAMPAIGN, "推广计划", "推广计划名称", "计划名称", "计划名");
        read(z, Field.ITEM_TITLE, "宝贝", "宝贝名称", "宝贝标题", "推广单元", "推广单元名称", "商品名称", "商品标题");
        read(z, Field.ITEM_ID, "宝贝ID", "商品ID", "宝贝编号", "商品编号");
        read(z, Field.KEYWORD, "关键词", "关键词名称", "关键字");
        read(z, Field.REGION, "地域", "地域名称", "省份", "省份名称", "省");
        read(z, Field.CITY, "城市", "城市名称");
        read(z, Field.HOUR, "小时", "时段");
        read(z, Field.IMPRESSIONS, "展现量", "展现数");
        read(z, Field.CLICKS, "点击量", "点击数");
        read(z, Field.SPEND, "花费", "总花费", "消耗");
        read(z, Field.FAVOURITES, "收藏宝贝数", "宝贝收藏数", "收藏数", "总收藏数");
        read(z, Field.CARTS, "加购数", "总加购数", "购物车数", "总购物车数", "添加购物车量");
        read(z, Field.ORDERS, "总成交笔数", "成交笔数");
        read(z, Field.ORDERS_DIRECT, "直接成交笔数");
        read(z, Field.ORDERS_INDIRECT, "间接成交笔数");
        read(z, Field.GMV, "总成交金额", "成交金额");
        read(z, Field.GMV_DIRECT, "直接成交金额");
        read(z, Field.GMV_INDIRECT, "间接成交金额");
        ignore(
                z,
                // computed from the columns that are read
                "点击率",
                "平均点击花费",
                "平均点击成本",
                "千次展现花费",
                "千次展现成本",
                "投入产出比",
                "直接投入产出比",
                "间接投入产出比",
                "投资回报率",
                "ROI",
                "点击转化率",
                "转化率",
                "收藏率",
                "加购率",
                "收藏成本",
                "宝贝收藏成本",
                "加购成本",
                "收藏加购成本",
                "平均成交成本",
                "成交成本",
                "平均展现排名",
                "展现排名",
                // parts and neighbours of the columns that are read
                "直接购物车数",
                "间接购物车数",
                "直接加购数",
                "间接加购数",
                "店铺收藏数",
                "宝贝收藏加购数",
                "收藏加购数",
                "总收藏加购数",
                "拍下订单笔数",
                "拍下订单金额",
                "直接拍下订单笔数",
                "直接拍下订单金额",
                "自然流量曝光量",
                "自然流量转化金额",
                // settings and identifiers of what is read by name
                "计划ID",
                "推广计划ID",
                "推广单元ID",
                "单元ID",
                "关键词ID",
                "宝贝链接",
                "商品链接",
                "匹配方式",
                "出价",
                "质量分",
                "计划类型",
                "推广方式",
                "出价方式",
                "推广状态",
                "状态",
                "日限额");

        ReportSource g = ReportSource.GOOGLE_ADS;
        read(g, Field.DAY, "Day", "Date");
        read(g, Field.ACCOUNT, "Account", "Account name");
        read(g, Field.CAMPAIGN, "Campaign", "Campaign name");
        read(g, Field.KEYWORD, "Keyword", "Search keyword");
        read(
                g,
                Field.REGION,
                "Region",
                "Region (User location)",
                "Region (Matched)",
                "Location",
                "Most specific location",
                "Most specific location (User location)");
        read(g, Field.CITY, "City", "City (User location)", "City (Matched)");
        read(g, Field.HOUR, "Hour of day", "Hour");
        read(g, Field.IMPRESSIONS, "Impr.", "Impressions");
        read(g, Field.CLICKS, "Clicks");
        read(g, Field.SPEND, "Cost");
        read(g, Field.CURRENCY, "Currency code", "Currency");
        read(g, Field.ORDERS, "Conversions");
        read(g, Field.GMV, "Conv. value", "Conversion value");
        read(g, Field.GMV_ALL, "All conv. value");
        ignore(
                g,
                "Ad group",
                "Ad group ID",
                "Ad group status",
                "Ad group type",
                "Campaign ID",
                "Campaign status",
                "Campaign type",
                "Campaign subtype",
                "Customer ID",
                "Status",
                "Keyword status",
                "Keyword ID",
                "Search keyword status",
                "Match type",
                "Search keyword match type",
                "Final URL",
                "Quality Score",
                "Max. CPC",
                "Keyword max CPC",
                "Ad group default max. CPC",
                "Bid strategy type",
                "Budget",
                "Labels",
                "Policy details",
                "Location type",
                "Targeted location type",
                "Country/Territory",
                "Country/Territory (User location)",
                "Country/Territory (Matched)",
                "Day of week",
                "CTR",
                "Avg. CPC",
                "Avg. CPM",
                "Avg. cost",
                "Interactions",
                "Interaction rate",
                "Conv. rate",
                "Cost / conv.",
                "Value / conv.",
                "Conv. value / cost",
                "All conv.",
                "All conv. rate",
                "Cost / all conv.",
                "All conv. value / cost",
                "View-through conv.",
                "Impr. (Top) %",
                "Impr. (Abs. Top) %",
                "Search impr. share",
                "Search top IS",
                "Search abs. top IS",
                "Search lost IS (rank)",
                "Search lost IS (budget)",
                "Expected CTR",
                "Ad relevance",
                "Landing page exp.");
    }

    private Vocabulary() {}

    private static void read(ReportSource source, Field field, String... headers) {
        for (String header : headers) {
            put(source, field, header);
            READ.computeIfAbsent(source, s -> new ArrayList<>()).add(header);
        }
    }

    private static void ignore(ReportSource source, String... headers) {
        for (String header : headers) {
            put(source, Field.IGNORED, header);
            IGNORED.computeIfAbsent(source, s -> new ArrayList<>()).add(header);
        }
    }

    private static void put(ReportSource source, Field field, String header) {
        Known previous = KNOWN.put(key(header), new Known(source, field, false));
        if (previous != null) {
            throw new IllegalStateException("header listed twice: " + header);
        }
    }

    /** What a header gives, or null when it is unknown (or blank). */
    static Known lookup(String header) {
        String key = key(header);
        if (key.isEmpty()) {
            return null;
        }
        Known known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        Matcher unit = UNIT.matcher(key);
        if (!unit.matches()) {
            return null;
        }
        Known base = KNOWN.get(unit.group(1));
        if (base == null) {
            return null;
        }
        return new Known(
                base.source(),
                base.field(),
                base.field().money() && unit.group(2).equals("分"));
    }

    /** The header as compared: see {@link Headers#key}. */
    static String key(String header) {
        return Headers.key(header);
    }

    /** The headers read from reports of the source, as listed in messages. */
    static List<String> read(ReportSource source) {
        return List.copyOf(READ.get(source));
    }

    /** The headers known and ignored in reports of the source, as listed in messages. */
    static List<String> ignored(ReportSource source) {
        return List.copyOf(IGNORED.get(source));
    }
}
