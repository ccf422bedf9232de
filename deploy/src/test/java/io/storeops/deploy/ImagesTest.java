package io.storeops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The images the services' and the console's builds write ({@code storeops/<module>:<version>} in
 * {@code <module>/target/jib-image.tar}: Jib, set up in the root pom, over the runtime of
 * deploy/image/runtime.sh): what a container runtime reads from each, and each one run the way a
 * runtime runs it, without one. Its layers are unpacked in order into a root file system, and its
 * entrypoint's java, with the entrypoint's JVM flags, classpath and main class, starts there
 * (chroot) as the image's user, with the image's environment and a /proc of its own (unshare), and
 * runs {@link ImageProbe}: so a jlink module, a shared library or a file the runtime lacks fails the
 * build, not the first deployment.
 */
class ImagesTest {

    @BeforeAll
    static void imagesWereBuilt() {
        assumeFalse(Boolean.getBoolean("jib.skip"), "built with -Djib.skip=true: there are no images to check");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JVM_FLAGS =
            List.of("-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError");
    private static final String TAR = "GNU tar (Debian's tar package)";

    static List<String> apps() {
        return StoreOpsApps.APPS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void tellsTheContainerRuntimeHowToRunIt(String app, @TempDir Path unpacked) {
        Image image = Image.read(app, unpacked);

        assertThat(strings(image.manifest().get("RepoTags")))
                .containsExactly("storeops/" + app + ":" + StoreOpsApps.projectVersion());
        assertThat(image.config().get("created").asString())
                .as("reproducible: the same sources make the same image")
                .isEqualTo("1970-01-01T00:00:00Z");
        JsonNode container = image.config().get("config");
        assertThat(container.get("User").asString()).isEqualTo("65532");
        List<String> entrypoint = strings(container.get("Entrypoint"));
        assertThat(entrypoint.subList(0, JVM_FLAGS.size() + 1))
                .as("the runtime's java, the heap from the container's memory limit")
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of("java"), JVM_FLAGS.stream()).toList());
        assertThat(entrypoint.subList(JVM_FLAGS.size() + 1, entrypoint.size()))
                .as("the classpath Jib wrote and the main class (ImageProbe checks it)")
                .hasSize(3)
                .startsWith("-cp", "@/app/jib-classpath-file");
        assertThat(container.get("ExposedPorts").propertyNames()).containsExactly(StoreOpsApps.port(app) + "/tcp");
        assertThat(image.label("org.opencontainers.image.title")).isEqualTo(app);
        assertThat(image.label("org.opencontainers.image.version")).isEqualTo(StoreOpsApps.projectVersion());
        assertThat(image.label("org.opencontainers.image.description")).isNotBlank();
        assertThat(image.label("io.storeops.image.runtime.java")).startsWith("17.");
        assertThat(image.runtimePackages())
                .as("where the runtime's files come from")
                .containsKeys("openjdk-17-jdk-headless", "libc6", "ca-certificates-java", "libfontconfig1");
        if (Files.exists(Path.of("..", ".git"))) {
            assertThat(image.label("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void runsAsItsUserOnItsOwnFiles(String app, @TempDir Path unpacked) throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assumeTrue(
                uid == 0, "running an image takes root (chroot, unshare, mknod), as CI has: build as root to run it");
        Image image = Image.read(app, unpacked);
        Path root = image.unpackLayers();
        image.runtimePackages()
                .forEach((name, version) -> assertThat(root.resolve("var/lib/dpkg/status.d/" + name))
                        .as("what scanners read for %s", name)
                        .content()
                        .contains("Version: " + version));
        provideWhatAContainerRuntimeDoes(root);
        Path probe = copyProbeInto(root.resolve("probe"));

        JsonNode container = image.config().get("config");
        List<String> entrypoint = strings(container.get("Entrypoint"));
        int classpath = entrypoint.indexOf("-cp");
        // The image's classpath behind the probe's, in an argument file as the image's own is.
        Path arguments = Files.writeString(
                probe.resolve("java-arguments"),
                "-cp /" + root.relativize(probe) + ":"
                        + Files.readString(root.resolve(
                                        entrypoint.get(classpath + 1).substring("@/".length())))
                                .strip());
        List<String> command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc=" + root.resolve("proc"),
                "chroot",
                "--userspec=" + userAndGroup(root, container.get("User").asString()),
                root.toString()));
        command.addAll(entrypoint.subList(0, classpath));
        command.addAll(
                List.of("@/" + root.relativize(arguments), ImageProbe.class.getName(), entrypoint.get(classpath + 2)));
        Map<String, String> environment = new LinkedHashMap<>();
        strings(container.get("Env")).forEach(variable -> {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        });
        ToolRun run = ToolRun.run(command, environment, null, "util-linux (unshare) and coreutils (chroot)");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.output().strip())
                .as("ImageProbe prints ok and nothing else: no warning from the JVM or a library")
                .isEqualTo("ok");
    }

    /** A /proc to mount (unshare does) and the devices every container has. */
    private static void provideWhatAContainerRuntimeDoes(Path root) throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Path devices = Files.createDirectories(root.resolve("dev"));
        Map.of("null", 3, "zero", 5, "random", 8, "urandom", 9)
                .forEach((device, minor) -> succeeds(ToolRun.run(
                        List.of("mknod", "-m", "666", devices.resolve(device).toString(), "c", "1", minor.toString()),
                        "coreutils")));
    }

    /** An image tarball as `docker load` reads it: manifest.json, the configuration and the layers it names. */
    private record Image(Path tarball, Path unpacked, JsonNode manifest, JsonNode config) {

        static Image read(String app, Path unpacked) {
            Path tarball = Path.of("..", app, "target", "jib-image.tar");
            assertThat(tarball)
                    .as("%s is written by the module's `package` (unless -Djib.skip=true)", tarball)
                    .isRegularFile();
            JsonNode manifest = JSON.readTree(extract(tarball, unpacked, "manifest.json"));
            assertThat(manifest).as("one image in %s", tarball).hasSize(1);
            String config = manifest.get(0).get("Config").asString();
            return new Image(tarball, unpacked, manifest.get(0), JSON.readTree(extract(tarball, unpacked, config)));
        }

        String label(String name) {
            JsonNode label = config.get("config").get("Labels").get(name);
            assertThat(label).as("label %s", name).isNotNull();
            return label.asString();
        }

        /** The Debian packages (name to version) the runtime's files come from. */
        Map<String, String> runtimePackages() {
            Map<String, String> packages = new LinkedHashMap<>();
            for (String entry : label("io.storeops.image.runtime.packages").split(" ")) {
                int equals = entry.indexOf('=');
                packages.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
            return packages;
        }

        /** The image's file system: each layer over the ones before it, owners and modes kept. */
        Path unpackLayers() throws IOException {
            Path root = Files.createDirectory(unpacked.resolve("rootfs"));
            for (String layer : strings(manifest.get("Layers"))) {
                Path compressed = extract(tarball, unpacked, layer);
                succeeds(ToolRun.run(
                        List.of(
                                "tar",
                                "--warning=no-unknown-keyword", // Jib's LIBARCHIVE.creationtime
                                "--same-owner",
                                "-xzpf",
                                compressed.toString(),
                                "-C",
                                root.toString()),
                        TAR));
                Files.delete(compressed);
            }
            return root;
        }
    }

    private static Path extract(Path tarball, Path into, String member) {
        succeeds(ToolRun.run(List.of("tar", "-xf", tarball.toString(), "-C", into.toString(), member), TAR));
        return into.resolve(member);
    }

    /** chroot's --userspec for the image's User: a uid's group comes from the image's own /etc/passwd. */
    private static String userAndGroup(Path root, String user) throws IOException {
        if (user.contains(":")) {
            return user;
        }
        try (Stream<String> accounts = Files.lines(root.resolve("etc/passwd"))) {
            String[] account = accounts.map(line -> line.split(":"))
                    .filter(fields -> fields[0].equals(user) || fields[2].equals(user))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the image's /etc/passwd has no user " + user));
            return account[2] + ":" + account[3];
        }
    }

    /** ImageProbe as the build compiled it (for Java 17, like the images' runtime), in a folder of the image's. */
    private static Path copyProbeInto(Path folder) throws IOException {
        Path compiled;
        try {
            compiled = Path.of(ImageProbe.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        String packagePath = ImageProbe.class.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(folder.resolve(packagePath));
        try (Stream<Path> classes = Files.list(compiled.resolve(packagePath))) {
            classes.filter(file -> file.getFileName().toString().matches("ImageProbe(\\$.*)?\\.class"))
                    .forEach(file -> {
                        try {
                            Files.copy(file, target.resolve(file.getFileName()));
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    });
        }
        return folder;
    }

    private static void succeeds(ToolRun run) {
        assertThat(run.exitCode()).as("%s", run).isZero();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.values().forEach(element -> strings.add(element.asString()));
        return strings;
    }
}
