package io.storeops.deploy;

import static io.storeops.deploy.MonitoringAsCode.list;
import static io.storeops.deploy.MonitoringAsCode.map;
import static io.storeops.deploy.StoreOpsApps.APPS;
import static io.storeops.deploy.StoreOpsApps.CONSOLE;
import static io.storeops.deploy.StoreOpsApps.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose as Docker Compose reads it, checked without a Docker engine: docker-compose 1.29
 * resolves the file with the example settings (and refuses it without each secret the example leaves
 * to the operator), and the resolved services are read for what a platform team insists on: confined
 * apps that wait for their infrastructure, each service on its own database user, Prometheus scraping
 * every app where it listens and loading the rule files the container mounts, Grafana provisioned, and
 * traces flowing through the collector to Jaeger.
 */
class ComposeTest {

    private static final Path COMPOSE = Path.of("compose");
    private static final Path EXAMPLE = COMPOSE.resolve(".env.example");
    private static final String DOCKER_COMPOSE =
            "Debian's docker-compose package (1.29: its `config` needs no Docker engine); ./mvnw verify installs it";
    /** Partner credentials: only stores whose settings name that gateway or storefront need them. */
    private static final Set<String> OPTIONAL =
            Set.of("SHOPIFY_US_ADMIN_TOKEN", "SHOPIFY_US_PRODUCTS_TOKEN", "TMALL_APP_KEY");

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(secret|password|token|key|webhook_url).*");
    private static final Pattern SETTING = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)");
    private static final Pattern MONGODB_URI =
            Pattern.compile("mongodb://(?<user>[^:@/]+):(?<password>[^@/]+)@(?<hosts>[^/]+)/\\?(?<options>.+)");

    private static ToolRun resolution;

    @Test
    void theFileIsValidWithTheExampleSettingsOnceTheOperatorsSecretsAreGiven() {
        ToolRun config = resolution();

        assertThat(config.exitCode()).as("%s", config).isZero();
        assertThat(map(resolved().get("services")).keySet()).containsAll(APPS);
    }

    @Test
    void composeRefusesToStartWithoutAnySecretTheExampleLeavesToTheOperator() {
        List<String> accepted = new ArrayList<>();
        for (String secret : required()) {
            Set<String> others = new TreeSet<>(required());
            others.remove(secret);

            ToolRun config = compose(secrets(others), true);

            if (config.exitCode() == 0 || !config.output().contains("set " + secret + " in deploy/compose/.env")) {
                accepted.add(secret + ":" + System.lineSeparator() + config);
            }
        }
        assertThat(required()).contains("MONGO_ROOT_PASSWORD", "OIDC_CLIENT_SECRET", "TMALL_WEBHOOK_SECRETS");
        assertThat(accepted)
                .as("left out, yet compose did not refuse naming it")
                .isEmpty();
    }

    @Test
    void theExampleSettingsCarryNoSecret() {
        Map<String, String> example = example();

        assertThat(example)
                .as("secrets in .env.example: each is the operator's to make")
                .allSatisfy((name, value) -> {
                    if (SECRET_LIKE.matcher(name).matches()) {
                        assertThat(value).as(name).isEmpty();
                    }
                });
        assertThat(example).containsEntry("STOREOPS_VERSION", StoreOpsApps.projectVersion());
        assertThat(lines(COMPOSE.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void appsRunConfinedAndStartAfterTheInfrastructureTheyNeed() {
        Map<String, Object> services = map(resolved().get("services"));
        List<String> wrong = new ArrayList<>();

        for (String app : APPS) {
            Map<String, Object> service = map(services.get(app));
            String image = "storeops/" + app + ":" + StoreOpsApps.projectVersion();
            if (!image.equals(service.get("image"))) {
                wrong.add(app + " runs " + service.get("image") + ", not " + image);
            }
            if (!Boolean.TRUE.equals(service.get("read_only"))) {
                wrong.add(app + " can write its root filesystem");
            }
            boolean writableTmp = list(service.get("tmpfs")).stream()
                            .anyMatch(tmpfs -> tmpfs.toString().startsWith("/tmp:"))
                    || list(service.get("volumes")).stream()
                            .anyMatch(volume -> volume.toString().contains(":/tmp:rw"));
            if (!writableTmp) {
                wrong.add(app + " has nowhere to write its temporary files");
            }
            if (!"65532:65532".equals(service.get("user"))) {
                wrong.add(app + " runs as " + service.get("user"));
            }
            if (!list(service.get("cap_drop")).contains("ALL")
                    || !list(service.get("security_opt")).contains("no-new-privileges:true")) {
                wrong.add(app + " keeps capabilities or may gain privileges");
            }
            if (service.get("mem_limit") == null || !"unless-stopped".equals(service.get("restart"))) {
                wrong.add(app + " has no memory limit or is not restarted");
            }
            // the images have no shell and no curl: a health check there could only ever fail
            if (service.containsKey("healthcheck")) {
                wrong.add(app + " has a health check its image cannot run");
            }
        }
        for (String app : SERVICES) {
            Map<String, Object> dependencies = map(map(services.get(app)).get("depends_on"));
            if (!"service_healthy".equals(map(dependencies.get("kafka")).get("condition"))
                    || !"service_completed_successfully"
                            .equals(map(dependencies.get("mongo-init")).get("condition"))) {
                wrong.add(app + " may start before Kafka answers and the replica set is initiated: " + dependencies);
            }
        }
        services.forEach((name, service) -> map(map(service).get("depends_on")).forEach((dependency, how) -> {
            Object condition = map(how).get("condition");
            Map<String, Object> awaited = map(services.get(dependency));
            if ("service_healthy".equals(condition) && !awaited.containsKey("healthcheck")) {
                wrong.add(name + " waits for " + dependency + " to be healthy, which has no health check");
            }
            if ("service_completed_successfully".equals(condition) && !"no".equals(awaited.get("restart"))) {
                wrong.add(name + " waits for " + dependency + " to complete, which is restarted");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachServiceUsesItsOwnDatabaseUserOnEveryMemberOfTheReplicaSet() throws IOException {
        Map<String, Object> services = map(resolved().get("services"));
        String init = Files.readString(COMPOSE.resolve("mongo/init-replica-set.js"));
        Map<String, String> databaseOfUser = new TreeMap<>();
        Matcher users =
                Pattern.compile("\\{ user: \"([^\"]+)\", db: \"([^\"]+)\"").matcher(init);
        while (users.find()) {
            databaseOfUser.put(users.group(1), users.group(2));
        }
        Set<String> members = new TreeSet<>();
        Matcher hosts = Pattern.compile("host: \"([^\"]+)\"").matcher(init);
        while (hosts.find()) {
            members.add(hosts.group(1));
        }
        Set<String> mongoServices = services.keySet().stream()
                .filter(name ->
                        String.valueOf(map(services.get(name)).get("image")).startsWith("mongo:")
                                && list(map(services.get(name)).get("command")).contains("--replSet"))
                .map(name -> name + ":27017")
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(members)
                .as("replica set members in the init script")
                .isEqualTo(mongoServices)
                .hasSize(3);
        for (String service : SERVICES) {
            // several hosts make no URI java.net.URI parses: the connection string's own shape
            Matcher uri = MONGODB_URI.matcher(environment(service).get("MONGODB_URI"));

            assertThat(uri.matches()).as("%s's MONGODB_URI", service).isTrue();
            assertThat(uri.group("user")).as("%s's database user", service).isEqualTo(service);
            assertThat(databaseOfUser)
                    .as("the init script's users")
                    .containsEntry(service, StoreOpsApps.database(service));
            assertThat(new TreeSet<>(List.of(uri.group("hosts").split(","))))
                    .as("%s's MongoDB hosts", service)
                    .isEqualTo(members);
            assertThat(uri.group("options").split("&")).contains("replicaSet=rs0", "authSource=admin");
        }
    }

    @Test
    void theConsoleCallsEachServiceWhereItListens() {
        Map<String, String> console = environment(CONSOLE);

        for (String service : SERVICES) {
            String area = service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT);
            assertThat(console)
                    .containsEntry(
                            "STOREOPS_CONSOLE_SERVICES_" + area,
                            "http://" + service + ":" + StoreOpsApps.port(service));
        }
    }

    @Test
    void prometheusScrapesEveryAppWhereItListensAndLoadsTheRuleFilesItsContainerMounts() throws IOException {
        Map<String, Object> prometheus = MonitoringAsCode.yaml(COMPOSE.resolve("prometheus/prometheus.yml"));
        Map<String, String> targets = new TreeMap<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            if (APPS.contains(String.valueOf(map(job).get("job_name")))) {
                assertThat(map(job)).containsEntry("metrics_path", "/actuator/prometheus");
                targets.put(
                        String.valueOf(map(job).get("job_name")),
                        list(map(list(map(job).get("static_configs")).get(0)).get("targets"))
                                .get(0)
                                .toString());
            }
        }
        Map<String, String> listening = new TreeMap<>();
        APPS.forEach(app -> listening.put(app, app + ":" + StoreOpsApps.port(app)));
        assertThat(targets)
                .as("the job of each app, named after it, and its target")
                .isEqualTo(listening);

        String ruleGlob = String.valueOf(list(prometheus.get("rule_files")).get(0));
        Path mounted = mountedSource("prometheus", Path.of(ruleGlob).getParent().toString());
        assertThat(mounted.normalize())
                .as("what Prometheus' rule folder mounts")
                .endsWith(Path.of("deploy", "prometheus"));
        // promtool on the same file, with the rule files where the container finds them: the glob loads them all
        Path copy = Files.createTempFile("storeops-prometheus-", ".yml");
        try {
            Files.writeString(
                    copy,
                    Files.readString(COMPOSE.resolve("prometheus/prometheus.yml"))
                            .replace(
                                    ruleGlob,
                                    mounted.resolve(Path.of(ruleGlob).getFileName())
                                            .toString()));
            ToolRun check = ToolRun.run(
                    List.of("promtool", "check", "config", copy.toString()),
                    "Debian's prometheus package; ./mvnw verify installs it");

            assertThat(check.exitCode()).as("%s", check).isZero();
            assertThat(check.output())
                    .as("%s", check)
                    .contains("SUCCESS: " + MonitoringAsCode.ruleFiles().size() + " rule files found");
            assertThat(MonitoringAsCode.ruleFiles()).isNotEmpty();
        } finally {
            Files.delete(copy);
        }
    }

    @Test
    void grafanaIsProvisionedWithItsDataSourcesAndTheDashboardsAsCode() {
        Map<String, Object> datasources =
                MonitoringAsCode.yaml(COMPOSE.resolve("grafana/provisioning/datasources/storeops.yml"));
        Map<String, Object> provider =
                map(list(MonitoringAsCode.yaml(COMPOSE.resolve("grafana/provisioning/dashboards/storeops.yml"))
                                .get("providers"))
                        .get(0));
        Map<String, Object> services = map(resolved().get("services"));
        Set<String> uids = new TreeSet<>();
        for (Object datasource : list(datasources.get("datasources"))) {
            uids.add(String.valueOf(map(datasource).get("uid")));
            URI url = URI.create(String.valueOf(map(datasource).get("url")));
            assertThat(services).as("the compose service %s names", url).containsKey(url.getHost());
        }
        String dashboards = String.valueOf(map(provider.get("options")).get("path"));

        assertThat(mountedSource("grafana", dashboards).normalize())
                .as("what the dashboard provider's folder mounts")
                .endsWith(Path.of("deploy", "grafana", "dashboards"));
        assertThat(mountedSource("grafana", "/etc/grafana/provisioning").normalize())
                .endsWith(Path.of("deploy", "compose", "grafana", "provisioning"));
        assertThat(uids).contains("prometheus", "jaeger");
        // a dashboard naming a data source by uid (rather than through a variable) must find it provisioned
        Set<String> named = new TreeSet<>();
        MonitoringAsCode.dashboardFiles()
                .forEach(file -> MonitoringAsCode.dashboard(file)
                        .findValues("datasource")
                        .forEach(datasource -> {
                            String uid = datasource.path("uid").asString("");
                            if (!uid.isEmpty() && !uid.startsWith("$") && !uid.startsWith("-- ")) {
                                named.add(uid);
                            }
                        }));
        assertThat(uids).containsAll(named);
    }

    @Test
    void tracesGoFromEveryAppThroughTheCollectorToJaeger() {
        Map<String, Object> collector = MonitoringAsCode.yaml(COMPOSE.resolve("otel-collector/config.yaml"));
        Map<String, Object> services = map(resolved().get("services"));
        Map<String, Object> pipelines = map(map(collector.get("service")).get("pipelines"));

        assertThat(pipelines).containsKey("traces");
        pipelines.forEach((name, pipeline) -> {
            for (String kind : List.of("receivers", "processors", "exporters")) {
                assertThat(map(collector.get(kind)).keySet())
                        .as("%s of pipeline %s, each defined", kind, name)
                        .containsAll(list(map(pipeline).get(kind)).stream()
                                .map(String::valueOf)
                                .toList());
            }
        });
        String httpEndpoint = String.valueOf(
                map(map(map(map(collector.get("receivers")).get("otlp")).get("protocols"))
                                .get("http"))
                        .get("endpoint"));
        for (String app : APPS) {
            URI endpoint = URI.create(environment(app).get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
            assertThat(services).as("%s sends spans to", app).containsKey(endpoint.getHost());
            assertThat(httpEndpoint).as("the collector's OTLP/HTTP receiver").endsWith(":" + endpoint.getPort());
            // Boot posts to the URL as given: the OTLP/HTTP path of traces is part of it
            assertThat(endpoint.getPath()).isEqualTo("/v1/traces");
            assertThat(environment(app)).containsKey("STOREOPS_TRACE_SAMPLING");
        }
        for (Object exporter : list(map(pipelines.get("traces")).get("exporters"))) {
            String[] endpoint = String.valueOf(
                            map(map(collector.get("exporters")).get(exporter)).get("endpoint"))
                    .split(":");
            Map<String, Object> backend = map(services.get(endpoint[0]));
            assertThat(backend)
                    .as("the exporter's %s, a compose service", endpoint[0])
                    .isNotEmpty();
            assertThat(list(backend.get("command")).stream().map(String::valueOf))
                    .as("%s listens for OTLP/gRPC on %s", endpoint[0], endpoint[1])
                    .anyMatch(argument -> argument.endsWith("grpc.endpoint=0.0.0.0:" + endpoint[1]));
        }
    }

    /** The operator's required secrets: what .env.example leaves empty, but for the optional partner credentials. */
    private static Set<String> required() {
        Set<String> required = new TreeSet<>();
        example().forEach((name, value) -> {
            if (value.isEmpty() && !OPTIONAL.contains(name)) {
                required.add(name);
            }
        });
        return required;
    }

    /** A made-up value for each of {@code names}, letters and digits as the example asks. */
    private static Map<String, String> secrets(Set<String> names) {
        Map<String, String> secrets = new TreeMap<>();
        names.forEach(name ->
                secrets.put(name, name.endsWith("_URL") ? "https://alerts.example.com/hook" : "x0" + name.hashCode()));
        return secrets;
    }

    /** docker-compose config over the file with the example settings and {@code secrets} in its environment, nothing else. */
    private static ToolRun compose(Map<String, String> secrets, boolean quiet) {
        Map<String, String> environment = new LinkedHashMap<>(secrets);
        environment.put("PATH", System.getenv("PATH"));
        environment.put("HOME", System.getProperty("java.io.tmpdir"));
        List<String> command = new ArrayList<>(List.of(
                "docker-compose",
                "--file",
                COMPOSE.resolve("docker-compose.yml").toString(),
                "--env-file",
                EXAMPLE.toString(),
                "config"));
        if (quiet) {
            command.add("--quiet");
        }
        return ToolRun.run(command, environment, null, DOCKER_COMPOSE);
    }

    /** Compose resolving the file with the example settings and the required secrets, once for all tests. */
    private static synchronized ToolRun resolution() {
        if (resolution == null) {
            resolution = compose(secrets(required()), false);
        }
        return resolution;
    }

    private static Map<String, Object> resolved() {
        assertThat(resolution().exitCode()).as("%s", resolution()).isZero();
        return map(new Yaml().load(resolution().output()));
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new TreeMap<>();
        map(map(map(resolved().get("services")).get(service)).get("environment"))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    /** The host folder mounted at {@code target} in {@code service}, as compose resolved it. */
    private static Path mountedSource(String service, String target) {
        return list(map(map(resolved().get("services")).get(service)).get("volumes")).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(target))
                .map(parts -> Path.of(parts[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + target));
    }

    private static Map<String, String> example() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : lines(EXAMPLE)) {
            Matcher setting = SETTING.matcher(line.strip());
            if (setting.matches()) {
                settings.put(setting.group(1), setting.group(2));
            }
        }
        return settings;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
