package io.storeops.analytics.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a large 直通车 keyword report goes through a running standalone: writes a GB18030 CSV of
 * {@code rows} rows (days × campaigns × keywords), uploads it as the promotion specialist, follows
 * the job's percentage every second until it completes, then asks the keyword figures of the
 * report's days. Prints figures; asserts nothing.
 *
 * <p>Run: {@code bench/ppc-import [rows=1000000] [analytics url=http://localhost:8084]}
 */
public final class PpcImportBenchmark {

    private static final Pattern FIELD = Pattern.compile("\"(%s)\":\"?([^,\"}]*)");

    private PpcImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String analytics = args.length > 1 ? args[1] : "http://localhost:8084";
        String token = token("PROMOTION");
        Path file = Files.createTempFile("ztc-keywords-", ".csv");
        try {
            long written = System.nanoTime();
            LocalDate firstDay = write(file, rows);
            System.out.printf(
                    "wrote %,d rows, %,d bytes in %.1f s%n",
                    rows, Files.size(file), (System.nanoTime() - written) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            long started = System.nanoTime();
            String job = field(upload(http, analytics, token, file).body(), "importId");
            // the job is asked for its percentage once a second until it has ended, each new state printed
            AtomicReference<String> status = new AtomicReference<>();
            AtomicReference<String> last = new AtomicReference<>("");
            await().pollInterval(Duration.ofSeconds(1))
                    .atMost(Duration.ofHours(1))
                    .until(() -> {
                        String answer = http.send(
                                        get(analytics + "/api/analytics/promotion/imports/" + job, token),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                        status.set(field(answer, "status"));
                        String line = String.format(
                                "%6.0f s  %-9s %3s %%  %,d rows kept",
                                (System.nanoTime() - started) / 1e9,
                                status.get(),
                                field(answer, "percent"),
                                Long.parseLong(field(answer, "rowsAccepted")));
                        if (!line.substring(8).equals(last.get())) {
                            System.out.println(line);
                            last.set(line.substring(8));
                        }
                        return !status.get().equals("QUEUED") && !status.get().equals("RUNNING");
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("import %s in %.1f s (%,.0f rows/s)%n", status.get(), seconds, rows / seconds);

            long asked = System.nanoTime();
            HttpResponse<String> figures = http.send(
                    get(
                            analytics + "/api/analytics/promotion/figures?storeId=tmall-flagship&by=keyword&from="
                                    + firstDay + "&to=" + firstDay.plusDays(days(rows) - 1L),
                            token),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf(
                    "keyword figures of the report's days: %d, %s rows in %.1f s%n",
                    figures.statusCode(), field(figures.body(), "rowsInAll"), (System.nanoTime() - asked) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Keywords per campaign and campaigns per day; the days are as many as the rows need, ending a week ago. */
    private static final int KEYWORDS = 500;

    private static final int CAMPAIGNS = 20;

    private static int days(int rows) {
        return Math.max(1, (rows + KEYWORDS * CAMPAIGNS - 1) / (KEYWORDS * CAMPAIGNS));
    }

    private static LocalDate write(Path file, int rows) throws IOException {
        LocalDate firstDay = LocalDate.now().minusDays(7L + days(rows));
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("GB18030"))) {
            out.write("日期,推广计划名称,宝贝ID,宝贝名称,关键词,展现量,点击量,点击率,花费(元),平均点击花费(元),总成交笔数,总成交金额(元)\n");
            for (int row = 0; row < rows; row++) {
                int keyword = row % KEYWORDS;
                int campaign = row / KEYWORDS % CAMPAIGNS;
                LocalDate day = firstDay.plusDays(row / (KEYWORDS * CAMPAIGNS));
                int clicks = 1 + row % 97;
                out.write(day + ",计划" + campaign + ",65012" + campaign + ",西湖龙井 礼盒 " + campaign + ",龙井关键词"
                        + keyword + "," + (clicks * 40) + "," + clicks + ",2.50%," + clicks + "."
                        + (row % 100 < 10 ? "0" : "")
                        + row % 100 + ",1.00," + row % 3 + "," + (row % 3) * 298 + ".00\n");
            }
        }
        return firstDay;
    }

    private static HttpResponse<String> upload(HttpClient http, String analytics, String token, Path file)
            throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(analytics + "/api/analytics/promotion/imports?storeId=tmall-flagship"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the upload was answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private static String field(String json, String name) {
        Matcher found = Pattern.compile(String.format(FIELD.pattern(), name)).matcher(json);
        return found.find() ? found.group(2) : "0";
    }

    /** The standalone's dev token for {@code role}. */
    private static String token(String role) throws IOException {
        String tokens = Files.readString(Path.of("storeops-data", "dev-tokens.json"));
        Matcher found = Pattern.compile("\"" + role + "\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens);
        if (!found.find()) {
            throw new IllegalStateException(
                    "no " + role + " token in storeops-data/dev-tokens.json: is ./standalone.sh running here?");
        }
        return found.group(1);
    }
}
