package io.storeops.fulfillment.bench;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.documents.BatchDocuments;
import io.storeops.fulfillment.documents.DocumentKind;
import io.storeops.fulfillment.documents.Letterhead;
import io.storeops.fulfillment.shipping.Fulfillment;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints how long a day's batch of N shipments (default 10,000) takes to print: every document
 * kind written to a file, with the pages per second and the heap's peak. Shipments have Chinese
 * addresses, two lines each, memos and notes on some, as a Tmall store's day has.
 */
public final class DispatchBatchBenchmark {

    private static final String[] PROVINCES = {"浙江省", "广东省", "江苏省", "四川省", "北京市"};
    private static final String[] CITIES = {"杭州市", "深圳市", "南京市", "成都市", "北京市"};
    private static final String[] DISTRICTS = {"西湖区", "南山区", "鼓楼区", "武侯区", "朝阳区"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};

    private DispatchBatchBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10_000;
        Instant cutoff = Instant.parse("2026-11-28T06:00:00Z");
        List<Fulfillment> shipments = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            shipments.add(shipment(index, cutoff));
        }
        DispatchBatch batch = DispatchBatch.cutOff(
                        Optional.empty(),
                        "tmall-flagship",
                        LocalDate.parse("2026-11-28"),
                        cutoff,
                        shipments.stream().map(Fulfillment::shipmentId).toList(),
                        List.of(),
                        DispatchBatch.AT_CUTOFF,
                        cutoff)
                .state();
        Letterhead store = new Letterhead(
                "天猫旗舰店 Tmall flagship", ZoneId.of("Asia/Shanghai"), "浙江省杭州市余杭区文一西路 969 号", "0571-88880000");
        BatchDocuments documents = new BatchDocuments(batch, shipments, store);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        System.out.printf("dispatch batch of %,d shipments, all documents%n", count);
        System.out.printf("%-16s %8s %8s %10s %10s%n", "document", "pages", "seconds", "pages/s", "MB");
        long started = System.nanoTime();
        int allPages = 0;
        for (DocumentKind kind : DocumentKind.values()) {
            Path file = Files.createTempFile("bench-" + kind.slug(), ".pdf");
            long kindStarted = System.nanoTime();
            int pages;
            try (OutputStream out = Files.newOutputStream(file)) {
                pages = documents.write(kind, out);
            }
            double seconds = (System.nanoTime() - kindStarted) / 1e9;
            System.out.printf(
                    "%-16s %8d %8.1f %10.0f %10.1f%n",
                    kind.slug(), pages, seconds, pages / seconds, Files.size(file) / 1e6);
            allPages += pages;
            Files.delete(file);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "%-16s %8d %8.1f %10.0f%n%npeak heap %.0f MB (max %d MB)%n",
                "all",
                allPages,
                seconds,
                allPages / seconds,
                peakHeap / 1e6,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static Fulfillment shipment(int index, Instant cutoff) {
        int place = index % PROVINCES.length;
        String number = "T" + (20261128_000000L + index);
        OrderPaid paid = new OrderPaid(
                "tmall-flagship:" + number,
                "tmall-flagship",
                "storefront",
                number,
                List.of(
                        new OrderLine("TEA-LJ-250", "西湖龙井 250g 明前特级", 1 + index % 3, new Money(12800, "CNY")),
                        new OrderLine("CUP-GL-01", "Glass cup 玻璃杯", 1, new Money(3900, "CNY"))),
                Money.zero("CNY"),
                new Money(16700, "CNY"),
                cutoff.minusSeconds(60L * (index % 600)),
                new Address(
                        SURNAMES[index % SURNAMES.length] + "芳",
                        "138" + String.format("%08d", index),
                        "CN",
                        PROVINCES[place],
                        CITIES[place],
                        DISTRICTS[place],
                        "文三路 " + (index % 300 + 1) + " 号",
                        index % 4 == 0 ? "东部软件园 " + (index % 9 + 1) + " 号楼" : null,
                        "310012"),
                index % 5 == 0 ? "请周六送达，谢谢" : null,
                "SF",
                List.of(),
                null);
        Fulfillment shipment = Fulfillment.forPaidOrder(Optional.empty(), paid, List.of(), List.of(), cutoff)
                .state();
        return index % 7 == 0 ? shipment.sellerMemoChanged("SF", "礼盒包装").state() : shipment;
    }
}
