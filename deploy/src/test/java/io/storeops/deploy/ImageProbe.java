package io.storeops.deploy;

import com.sun.management.OperatingSystemMXBean;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.naming.Context;
import javax.naming.directory.InitialDirContext;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import jdk.jfr.FlightRecorder;

/**
 * Runs inside an image: {@link ImagesTest} starts it with the image's own java, JVM flags, user,
 * environment and classpath, in the image's files and nothing else. It does what the services do
 * at run time that a jlink module, a shared library or a file left out of the runtime would break
 * (deploy/image/runtime.sh), and prints {@code ok} and nothing else; anything missing ends it with
 * an exception that says what. JDK only (no test library): it runs on the image's Java 17.
 */
final class ImageProbe {

    private ImageProbe() {}

    /** {@code args[0]}: the image's main class. */
    public static void main(String[] args) throws Throwable {
        loadsTheApplication(args[0]);
        heapFollowsTheMemoryLimit();
        thumbnails();
        charts();
        tls();
        chinese();
        runsAsStoreopsWithWritableFiles();
        flightRecorderAndManagement();
        zipFiles();
        dnsNaming();
        dependenciesBelowJava();
        System.out.println("ok");
    }

    private static void loadsTheApplication(String mainClass) throws Exception {
        Class<?> application = Class.forName(mainClass, false, ClassLoader.getSystemClassLoader());
        Method main = application.getMethod("main", String[].class);
        require(Modifier.isStatic(main.getModifiers()), mainClass + ".main is not static");
        require(
                Arrays.stream(application.getAnnotations())
                        .anyMatch(annotation -> annotation
                                .annotationType()
                                .getName()
                                .equals("org.springframework.boot.autoconfigure.SpringBootApplication")),
                mainClass + " is not the module's @SpringBootApplication");
    }

    /** -XX:MaxRAMPercentage=75 of what the JVM sees as the machine (the container's limit in a container). */
    private static void heapFollowsTheMemoryLimit() {
        long memory =
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getTotalMemorySize();
        double share = (double) Runtime.getRuntime().maxMemory() / memory;
        require(share > 0.70 && share <= 0.76, "the heap is " + share + " of the memory, not 3/4");
    }

    /** listing-service's thumbnails: JPEG and PNG through ImageIO (Debian's libjpeg, libpng), scaled in Java 2D. */
    private static void thumbnails() throws Exception {
        BufferedImage photo = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D painter = photo.createGraphics();
        painter.setPaint(new GradientPaint(0, 0, Color.ORANGE, 64, 48, Color.BLUE));
        painter.fillRect(0, 0, 64, 48);
        painter.dispose();
        for (String format : List.of("jpeg", "png")) {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            require(ImageIO.write(photo, format, encoded), "ImageIO has no " + format + " writer");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoded.toByteArray()));
            require(decoded != null && decoded.getWidth() == 64, format + " does not decode");
            BufferedImage thumbnail = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
            Graphics2D scaler = thumbnail.createGraphics();
            scaler.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            scaler.drawImage(decoded, 0, 0, 16, 12, null);
            scaler.dispose();
            require(thumbnail.getRGB(8, 6) != 0, format + " thumbnail is empty");
        }
    }

    /**
     * analytics-service's charts draw text: Java 2D needs fontconfig and a font before it draws any,
     * even with a font of the application's own (Font.createFont fails as this does).
     */
    private static void charts() {
        require(
                Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                        .contains("DejaVu Sans"),
                "fontconfig finds no DejaVu Sans");
        BufferedImage chart = new BufferedImage(200, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D painter = chart.createGraphics();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        painter.setFont(font);
        painter.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        painter.drawString("Orders 123", 4, 28);
        double width = new TextLayout("Orders 123", font, painter.getFontRenderContext())
                .getBounds()
                .getWidth();
        painter.dispose();
        require(width > 10, "text has no width");
    }

    /** HTTPS to storefronts and carriers: ECDHE suites and EC keys (jdk.crypto.ec), Debian's CA certificates. */
    private static void tls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        require(
                Arrays.asList(context.createSSLEngine().getEnabledCipherSuites())
                        .contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                "no ECDHE cipher suites");
        KeyPairGenerator.getInstance("EC").initialize(new ECGenParameterSpec("secp256r1"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        int authorities = ((X509TrustManager) trust.getTrustManagers()[0]).getAcceptedIssuers().length;
        require(authorities >= 100, "the default trust store has " + authorities + " certificate authorities");
    }

    /**
     * The console and the reports in Chinese: CLDR's zh-CN (jdk.localedata); GB18030 and GBK files
     * (java.base's on Linux), and jdk.charsets for the rarer ones (ISO-2022-CN mail).
     */
    private static void chinese() {
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(Locale.SIMPLIFIED_CHINESE)
                .format(LocalDate.of(2026, 11, 29));
        require(date.equals("2026年11月29日星期日"), "zh-CN date is " + date);
        String money = NumberFormat.getCurrencyInstance(Locale.CHINA).format(1234.5);
        require(money.equals("¥1,234.50"), "zh-CN money is " + money);
        for (String charset : List.of("GB18030", "GBK")) {
            byte[] encoded = "订单".getBytes(Charset.forName(charset));
            require(
                    encoded.length == 4 && new String(encoded, Charset.forName(charset)).equals("订单"),
                    charset + " does not round-trip");
        }
        require(Charset.isSupported("ISO-2022-CN"), "no ISO-2022-CN");
    }

    /** The image's user (from its /etc/passwd), UTF-8 by default (LANG and glibc's C.utf8), a writable /tmp and home. */
    private static void runsAsStoreopsWithWritableFiles() throws Exception {
        require("storeops".equals(System.getProperty("user.name")), "user is " + System.getProperty("user.name"));
        require("/home/storeops".equals(System.getProperty("user.home")), "home is " + System.getProperty("user.home"));
        require(
                Charset.defaultCharset().equals(StandardCharsets.UTF_8)
                        && "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "encoding is " + Charset.defaultCharset() + ", file names " + System.getProperty("sun.jnu.encoding"));
        for (Path directory : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/home/storeops"))) {
            Path file = Files.createTempFile(directory, "订单-", ".csv");
            Files.writeString(file, "订单");
            require(Files.readString(file).equals("订单"), file + " does not read back");
            Files.delete(file);
        }
    }

    /**
     * What operators profile and monitor with: JFR, also over JMX, and the platform MXBeans. (A
     * recording would take a second per image and prove no more than the writable /tmp above.)
     */
    private static void flightRecorderAndManagement() {
        require(FlightRecorder.isAvailable(), "JFR is not available");
        require(ModuleLayer.boot().findModule("jdk.management.jfr").isPresent(), "no JFR over JMX");
        require(
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getAvailableProcessors() > 0,
                "no processors");
    }

    /** Spreadsheets and exports open as zip file systems (jdk.zipfs). */
    private static void zipFiles() throws Exception {
        Path zip = Files.createTempFile("probe-", ".zip");
        Files.delete(zip);
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
            Files.writeString(archive.getPath("sheet.xml"), "<sheet/>");
        }
        try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of())) {
            require(Files.readString(archive.getPath("sheet.xml")).equals("<sheet/>"), "the zip does not read back");
        }
        Files.delete(zip);
    }

    /** mongodb+srv:// connection strings resolve through JNDI's DNS provider (jdk.naming.dns). */
    private static void dnsNaming() throws Exception {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, "dns:");
        new InitialDirContext(environment).close();
    }

    /**
     * What Netty, Kafka and their codecs reach below Java for: sun.misc.Unsafe (jdk.unsupported), and
     * the native code they unpack to /tmp and load, where the image's classpath has it (Netty's epoll
     * transport, Kafka's snappy and zstd): /tmp must allow it, and the image's libc and libstdc++ must
     * be what that code was linked against.
     */
    private static void dependenciesBelowJava() throws Throwable {
        require(present("sun.misc.Unsafe") != null, "no sun.misc.Unsafe");
        Class<?> epoll = present("io.netty.channel.epoll.Epoll");
        if (epoll != null) {
            invoke(epoll.getMethod("ensureAvailability"));
        }
        byte[] message = "an order, an order, an order".getBytes(StandardCharsets.UTF_8);
        Class<?> snappy = present("org.xerial.snappy.Snappy");
        if (snappy != null) {
            invoke(snappy.getMethod("compress", byte[].class), (Object) message);
        }
        Class<?> zstd = present("com.github.luben.zstd.Zstd");
        if (zstd != null) {
            invoke(zstd.getMethod("compress", byte[].class), (Object) message);
        }
    }

    private static Class<?> present(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException absent) {
            return null;
        }
    }

    private static void invoke(Method method, Object... arguments) throws Throwable {
        try {
            method.invoke(null, arguments);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalStateException(otherwise);
        }
    }
}
