package io.storeops.deploy;

import static io.storeops.deploy.MonitoringAsCode.list;
import static io.storeops.deploy.MonitoringAsCode.map;
import static io.storeops.deploy.StoreOpsApps.APPS;
import static io.storeops.deploy.StoreOpsApps.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s as a cluster would receive it: each overlay rendered by kustomize, every object valid
 * against the Kubernetes schemas (tools/validate-manifests.mjs, which must also refuse a broken one),
 * and the rules a platform team holds every workload to, read from the rendered objects: probes on
 * Boot's health groups, bounded resources, the restricted Pod Security profile, Secrets referenced
 * and never shipped, references that resolve, two replicas and a disruption budget in production,
 * topics with a partition for every consumer thread, and NetworkPolicies that open only the paths
 * StoreOps uses.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path VALIDATOR = Path.of("tools", "validate-manifests.mjs");
    private static final String KUBECTL =
            "the overlays are rendered with `kubectl kustomize` (kubectl 1.27 or newer, which embeds kustomize 5);"
                    + " Debian has no package for it: install kubectl from the Kubernetes project";
    private static final String NODE = "Debian's nodejs package, then `sh scripts/ensure-ops-tools.sh`"
            + " (./mvnw verify runs it) installs the validator's packages into deploy/tools";

    /** The services that take webhooks from storefronts or carriers: reachable through the ingress controller. */
    private static final Set<String> WEBHOOK_RECEIVERS =
            Set.of("order-service", "fulfillment-service", "refund-service");

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final Pattern SECRET_LIKE =
            Pattern.compile("(?i).*(secret|password|passwd|token|api_?key|app_?key|private_?key).*");
    private static final Pattern CREATE_SECRET = Pattern.compile("kubectl create secret generic ([a-z0-9-]+)");

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    /** One overlay as kustomize renders it: the YAML and its objects. */
    record Rendered(String overlay, String yaml, List<Map<String, Object>> objects) {

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream()
                    .filter(object -> kind.equals(object.get("kind")))
                    .toList();
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(object -> name.equals(nameOf(object)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
        }

        /** A generated ConfigMap by the name it is written under (kustomize appends a hash of its content). */
        Map<String, Object> configMap(String name) {
            return ofKind("ConfigMap").stream()
                    .filter(configMap -> nameOf(configMap).matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " renders no ConfigMap " + name));
        }

        /** Each workload's pod template, Deployments and Jobs, by "Kind/name". */
        Map<String, Map<String, Object>> podTemplates() {
            Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
            for (Map<String, Object> object : objects) {
                if (List.of("Deployment", "Job").contains(object.get("kind"))) {
                    templates.put(object.get("kind") + "/" + nameOf(object), at(object, "spec", "template"));
                }
            }
            return templates;
        }

        /** The Deployment whose pods {@code selector} selects, if exactly one. */
        List<String> deploymentsSelectedBy(Map<String, Object> selector) {
            return ofKind("Deployment").stream()
                    .filter(deployment -> selects(selector, labels(at(deployment, "spec", "template"))))
                    .map(KubernetesManifestsTest::nameOf)
                    .toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidAgainstTheKubernetesSchemas(String overlay) {
        Rendered rendered = rendered(overlay);

        ToolRun validation = validate(rendered.yaml());

        assertThat(validation.exitCode()).as("%s", validation).isZero();
        // the validator saw every object kustomize wrote, not an empty or cut stream
        assertThat(validation.output())
                .as("%s", validation)
                .contains(rendered.objects().size() + " objects valid");
    }

    @Test
    void theValidatorRefusesWhatTheApiServerWouldAndNamesEachProblem() {
        Map<String, Object> deployment = rendered("prod").named("Deployment", "order-service");
        Map<String, Object> replicasAsText = renamed(deployment, "replicas-as-text");
        at(replicasAsText, "spec").put("replicas", "two");
        Map<String, Object> misspeltProbe = renamed(deployment, "misspelt-probe");
        Map<String, Object> container =
                containers(at(misspeltProbe, "spec", "template")).get(0);
        container.put("readinessProbes", container.remove("readinessProbe"));
        Map<String, Object> noSelector = renamed(deployment, "no-selector");
        at(noSelector, "spec").remove("selector");
        Map<String, Object> unknownKind = new LinkedHashMap<>(
                Map.of("apiVersion", "storeops.example/v1", "kind", "Widget", "metadata", Map.of("name", "widget")));
        String manifests = dump(List.of(deployment, replicasAsText, misspeltProbe, noSelector, unknownKind));

        ToolRun validation = validate(manifests);

        assertThat(validation.exitCode()).as("%s", validation).isEqualTo(1);
        assertThat(validation.output())
                .as("%s", validation)
                .contains("Deployment/replicas-as-text", "/spec/replicas must be integer")
                .contains(
                        "Deployment/misspelt-probe", "/spec/template/spec/containers/0/readinessProbes is not a field")
                .contains("Deployment/no-selector", "/spec must have required property selector")
                .contains("Widget/widget", "no schema for apiVersion storeops.example/v1")
                .contains("4 of 5 objects invalid")
                .doesNotContain("Deployment/order-service ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAppIsProbedOnBootsHealthGroupsBoundedAndRunsItsOwnImage(String overlay) {
        Rendered rendered = rendered(overlay);
        String version = StoreOpsApps.projectVersion();
        List<String> wrong = new ArrayList<>();

        assertThat(rendered.ofKind("Deployment"))
                .extracting(KubernetesManifestsTest::nameOf)
                .containsExactlyInAnyOrderElementsOf(APPS);
        for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
            Map<String, Object> template = at(deployment, "spec", "template");
            for (Map<String, Object> container : containers(template)) {
                String where = "Deployment/" + nameOf(deployment) + " container " + container.get("name");
                Set<String> ports = new TreeSet<>();
                list(container.get("ports")).forEach(port -> {
                    ports.add(String.valueOf(map(port).get("name")));
                    ports.add(String.valueOf(map(port).get("containerPort")));
                });
                wrong.addAll(probeProblems(where, container, "startupProbe", LIVENESS, ports));
                wrong.addAll(probeProblems(where, container, "livenessProbe", LIVENESS, ports));
                wrong.addAll(probeProblems(where, container, "readinessProbe", READINESS, ports));
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (map(resources.get(bound)).get(resource) == null) {
                            wrong.add(where + " has no " + resource + " in resources." + bound);
                        }
                    }
                }
                // the JVM sizes its heap from the limit: a node must really have what the limit promises
                if (!Objects.equals(
                        at(resources, "requests").get("memory"),
                        at(resources, "limits").get("memory"))) {
                    wrong.add(where + " requests less memory than its limit: " + resources);
                }
                String image = "storeops/" + nameOf(deployment) + ":" + version;
                if (!image.equals(container.get("image"))) {
                    wrong.add(where + " runs " + container.get("image") + ", not " + image);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodMeetsTheRestrictedPodSecurityProfileWithOnlyTmpWritable(String overlay) {
        Rendered rendered = rendered(overlay);
        List<String> wrong = new ArrayList<>();

        assertThat(labels(rendered.named("Namespace", "storeops")))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        rendered.podTemplates().forEach((workload, template) -> {
            Map<String, Object> pod = at(template, "spec");
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
                wrong.add(workload + " may run as root");
            }
            if (!"RuntimeDefault".equals(at(podSecurity, "seccompProfile").get("type"))) {
                wrong.add(workload + " has no RuntimeDefault seccomp profile");
            }
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                wrong.add(workload + " mounts a service account token it has no use for");
            }
            Set<String> emptyDirs = list(pod.get("volumes")).stream()
                    .map(MonitoringAsCode::map)
                    .filter(volume -> volume.containsKey("emptyDir"))
                    .map(volume -> String.valueOf(volume.get("name")))
                    .collect(Collectors.toSet());
            for (Map<String, Object> container : containers(template)) {
                String where = workload + " container " + container.get("name");
                Map<String, Object> security = map(container.get("securityContext"));
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    wrong.add(where + " can write its root filesystem");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    wrong.add(where + " allows privilege escalation");
                }
                if (!list(at(security, "capabilities").get("drop")).contains("ALL")) {
                    wrong.add(where + " keeps Linux capabilities");
                }
                boolean writableTmp = list(container.get("volumeMounts")).stream()
                        .map(MonitoringAsCode::map)
                        .anyMatch(mount -> "/tmp".equals(mount.get("mountPath"))
                                && emptyDirs.contains(String.valueOf(mount.get("name")))
                                && !Boolean.TRUE.equals(mount.get("readOnly")));
                if (!writableTmp) {
                    wrong.add(where + " has no writable emptyDir at /tmp");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedNeverShippedAndEachHasItsCreateCommandDocumented(String overlay) throws IOException {
        Rendered rendered = rendered(overlay);
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher commands = CREATE_SECRET.matcher(readme);
        while (commands.find()) {
            documented.add(commands.group(1));
        }
        List<String> shipped = new ArrayList<>();
        rendered.ofKind("ConfigMap")
                .forEach(configMap -> map(configMap.get("data")).keySet().stream()
                        .filter(key -> SECRET_LIKE.matcher(key).matches())
                        .forEach(key -> shipped.add("ConfigMap/" + nameOf(configMap) + " holds " + key)));
        rendered.podTemplates()
                .forEach((workload, template) -> containers(template)
                        .forEach(container -> list(container.get("env")).stream()
                                .map(MonitoringAsCode::map)
                                .filter(variable -> variable.containsKey("value")
                                        && SECRET_LIKE
                                                .matcher(String.valueOf(variable.get("name")))
                                                .matches())
                                .forEach(variable ->
                                        shipped.add(workload + " sets " + variable.get("name") + " in clear"))));

        assertThat(rendered.ofKind("Secret")).as("Secrets in the manifests").isEmpty();
        assertThat(shipped).isEmpty();
        assertThat(referenced(rendered, "secret"))
                .as("Secrets the workloads need, each with its `kubectl create secret generic` in k8s/README.md")
                .containsExactlyInAnyOrderElementsOf(
                        APPS.stream().map(app -> app + "-secrets").toList())
                .allSatisfy(secret -> assertThat(documented).contains(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferenceBetweenObjectsResolves(String overlay) {
        Rendered rendered = rendered(overlay);
        List<String> wrong = new ArrayList<>();

        Set<String> configMaps = rendered.ofKind("ConfigMap").stream()
                .map(KubernetesManifestsTest::nameOf)
                .collect(Collectors.toSet());
        referenced(rendered, "configMap").stream()
                .filter(name -> !configMaps.contains(name))
                .forEach(name -> wrong.add("ConfigMap " + name + " is referenced but not rendered"));
        for (Map<String, Object> service : rendered.ofKind("Service")) {
            // a Service's selector is a plain label map, not a LabelSelector
            List<String> selected = rendered.deploymentsSelectedBy(
                    Map.of("matchLabels", map(at(service, "spec").get("selector"))));
            if (selected.size() != 1) {
                wrong.add("Service/" + nameOf(service) + " selects the pods of " + selected);
                continue;
            }
            Map<String, Object> pods = at(rendered.named("Deployment", selected.get(0)), "spec", "template");
            Set<String> portNames = containers(pods).stream()
                    .flatMap(container -> list(container.get("ports")).stream())
                    .map(port -> String.valueOf(map(port).get("name")))
                    .collect(Collectors.toSet());
            list(at(service, "spec").get("ports")).stream()
                    .map(port -> String.valueOf(map(port).get("targetPort")))
                    .filter(target -> !portNames.contains(target))
                    .forEach(target -> wrong.add("Service/" + nameOf(service) + " targets port " + target + ", which "
                            + selected.get(0) + "'s pods do not name"));
        }
        for (Map<String, Object> budget : rendered.ofKind("PodDisruptionBudget")) {
            List<String> selected =
                    rendered.deploymentsSelectedBy(map(at(budget, "spec").get("selector")));
            if (!selected.equals(List.of(nameOf(budget)))) {
                wrong.add("PodDisruptionBudget/" + nameOf(budget) + " selects the pods of " + selected);
            }
        }
        for (Map<String, Object> autoscaler : rendered.ofKind("HorizontalPodAutoscaler")) {
            Map<String, Object> target = at(autoscaler, "spec", "scaleTargetRef");
            if (!"Deployment".equals(target.get("kind")) || !SERVICES.contains(String.valueOf(target.get("name")))) {
                wrong.add("HorizontalPodAutoscaler/" + nameOf(autoscaler) + " scales " + target);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void productionRunsTwoOfEverythingAndKeepsOneThroughDisruptions() {
        Rendered prod = rendered("prod");
        List<String> wrong = new ArrayList<>();

        for (Map<String, Object> deployment : prod.ofKind("Deployment")) {
            String name = nameOf(deployment);
            Map<String, Object> autoscaler = autoscalerOf(prod, name);
            Object replicas = at(deployment, "spec").get("replicas");
            if (autoscaler != null && replicas != null) {
                wrong.add(name + " sets replicas beside its autoscaler: each apply would undo the scaling");
            }
            int least = autoscaler != null ? number(at(autoscaler, "spec").get("minReplicas")) : replicas(deployment);
            if (least < 2) {
                wrong.add(name + " may run " + least + " replica");
            }
            Map<String, Object> budget = at(prod.named("PodDisruptionBudget", name), "spec");
            if (!Objects.equals(budget.get("minAvailable"), 1) || budget.containsKey("maxUnavailable")) {
                wrong.add(name + "'s disruption budget is " + budget + ", not minAvailable 1");
            }
        }
        assertThat(autoscalerOf(prod, "console"))
                .as("the console's sessions live in its memory: no autoscaler moves people between pods")
                .isNull();
        assertThat(wrong).isEmpty();
        Map<String, Object> platform = map(prod.configMap("storeops-platform").get("data"));
        assertThat(platform)
                .containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
    }

    @Test
    void developmentRunsOneOfEachWithoutAutoscalingAndCanStillBeDrained() {
        Rendered dev = rendered("dev");

        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(dev.ofKind("Deployment"))
                .allSatisfy(deployment -> assertThat(at(deployment, "spec").get("replicas"))
                        .as("replicas of %s", nameOf(deployment))
                        .isEqualTo(1));
        // with one replica, a budget of minAvailable 1 would block every node drain
        assertThat(dev.ofKind("PodDisruptionBudget"))
                .allSatisfy(budget -> assertThat(at(budget, "spec"))
                        .as("disruption budget %s", nameOf(budget))
                        .containsEntry("maxUnavailable", 1)
                        .doesNotContainKey("minAvailable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsHaveAPartitionForEveryConsumerThreadAndSurviveABroker(String overlay) {
        Rendered rendered = rendered(overlay);
        Map<String, Object> platform =
                map(rendered.configMap("storeops-platform").get("data"));
        int partitions = number(platform.get("KAFKA_PARTITIONS"));
        int threads = number(platform.get("STOREOPS_CONSUMER_CONCURRENCY"));
        int replicas = number(platform.get("KAFKA_REPLICATION_FACTOR"));
        int inSync = number(platform.get("KAFKA_MIN_INSYNC_REPLICAS"));

        for (String service : SERVICES) {
            Map<String, Object> autoscaler = autoscalerOf(rendered, service);
            int instances = autoscaler != null
                    ? number(at(autoscaler, "spec").get("maxReplicas"))
                    : replicas(rendered.named("Deployment", service));
            assertThat(partitions)
                    .as(
                            "%s: partitions for %d instances of %s x %d consumer threads",
                            overlay, instances, service, threads)
                    .isGreaterThanOrEqualTo(instances * threads);
        }
        assertThat(inSync).as("min.insync.replicas of %d replicas", replicas).isBetween(1, replicas);
        if (replicas > 1) {
            // acks=all must still succeed with one broker down, and never on one copy alone
            assertThat(inSync).isBetween(2, replicas - 1);
        }
    }

    @Test
    void theTopicJobCreatesTheTopicsTheServicesConsume() {
        Map<String, Object> job = rendered("prod").named("Job", "kafka-topics");
        String topics = list(containers(at(job, "spec", "template")).get(0).get("env")).stream()
                .map(MonitoringAsCode::map)
                .filter(variable -> "STOREOPS_TOPICS".equals(variable.get("name")))
                .map(variable -> String.valueOf(variable.get("value")))
                .findFirst()
                .orElse("");
        Set<String> consumed = new TreeSet<>();
        SERVICES.forEach(service -> consumed.addAll(StoreOpsApps.consumedTopics(service)));

        assertThat(new TreeSet<>(Arrays.asList(topics.strip().split("\\s+")))).isEqualTo(consumed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesLetOnlyWhatMustTalkTalk(String overlay) {
        Rendered rendered = rendered(overlay);
        Set<String> infrastructure = Set.of("namespace kube-system:53", "namespace kafka:9092");
        Set<String> telemetryAndPartners =
                Set.of("namespace observability:4317", "namespace observability:4318", "internet:443");

        assertThat(rendered.ofKind("NetworkPolicy"))
                .as("a policy denying all traffic to and from every pod first")
                .anySatisfy(policy -> {
                    assertThat(map(at(policy, "spec").get("podSelector"))).isEmpty();
                    assertThat(list(at(policy, "spec").get("policyTypes")))
                            .containsExactlyInAnyOrder("Ingress", "Egress");
                    assertThat(at(policy, "spec")).doesNotContainKeys("ingress", "egress");
                });
        for (String app : APPS) {
            Map<String, Object> pods = at(rendered.named("Deployment", app), "spec", "template");
            Set<String> from = new TreeSet<>(Set.of("namespace monitoring:http"));
            if (!app.equals("console")) {
                from.add("console:http");
            }
            if (app.equals("console") || WEBHOOK_RECEIVERS.contains(app)) {
                from.add("namespace ingress-nginx:http");
            }
            Set<String> to = new TreeSet<>(telemetryAndPartners);
            to.add("namespace kube-system:53");
            if (app.equals("console")) {
                SERVICES.forEach(service -> to.add(service + ":http"));
            } else {
                to.addAll(infrastructure);
                to.add("namespace mongodb:27017");
            }
            assertThat(allowed(rendered, pods, "Ingress"))
                    .as("%s may be reached from", app)
                    .isEqualTo(from);
            assertThat(allowed(rendered, pods, "Egress"))
                    .as("%s may reach", app)
                    .isEqualTo(to);
        }
        if (overlay.equals("prod")) {
            Map<String, Object> job = at(rendered.named("Job", "kafka-topics"), "spec", "template");
            assertThat(allowed(rendered, job, "Ingress")).isEmpty();
            assertThat(allowed(rendered, job, "Egress")).isEqualTo(infrastructure);
        }
    }

    @Test
    void theDocumentedScrapeJobFindsEveryAppUnderItsOwnJobName() {
        Rendered prod = rendered("prod");
        Map<String, Object> job = map(list(MonitoringAsCode.yaml(K8S.resolve("prometheus/storeops-scrape.yml"))
                        .get("scrape_configs"))
                .get(0));
        List<Map<String, Object>> relabelings = list(job.get("relabel_configs")).stream()
                .map(MonitoringAsCode::map)
                .toList();
        Map<String, Object> keep = relabelings.stream()
                .filter(relabeling -> "keep".equals(relabeling.get("action")))
                .findFirst()
                .orElseThrow();
        String jobLabel = relabelings.stream()
                .filter(relabeling -> "job".equals(relabeling.get("target_label")))
                .map(relabeling ->
                        String.valueOf(list(relabeling.get("source_labels")).get(0)))
                .findFirst()
                .orElseThrow();

        Set<String> jobs = new TreeSet<>();
        prod.podTemplates().forEach((workload, template) -> {
            for (Map<String, Object> container : containers(template)) {
                for (Object port : list(container.get("ports"))) {
                    Map<String, String> discovered = discoveredLabels(prod, template, map(port));
                    String joined = list(keep.get("source_labels")).stream()
                            .map(label -> discovered.getOrDefault(String.valueOf(label), ""))
                            .collect(Collectors.joining(";"));
                    if (joined.matches(String.valueOf(keep.get("regex")))) {
                        jobs.add(discovered.get(jobLabel));
                        assertThat(annotations(template))
                                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                                .containsEntry(
                                        "prometheus.io/port",
                                        String.valueOf(map(port).get("containerPort")));
                    }
                }
            }
        });

        assertThat(jobs).containsExactlyInAnyOrderElementsOf(APPS);
        assertThat(list(at(map(list(job.get("kubernetes_sd_configs")).get(0)), "namespaces")
                        .get("names")))
                .containsExactly("storeops");
    }

    /** The meta labels Kubernetes discovery gives the target of {@code port} on pods of {@code template}. */
    private static Map<String, String> discoveredLabels(
            Rendered rendered, Map<String, Object> template, Map<String, Object> port) {
        Map<String, String> discovered = new LinkedHashMap<>();
        labels(template)
                .forEach((label, value) -> discovered.put(
                        "__meta_kubernetes_pod_label_" + label.replaceAll("[^a-zA-Z0-9_]", "_"),
                        String.valueOf(value)));
        annotations(template)
                .forEach((annotation, value) -> discovered.put(
                        "__meta_kubernetes_pod_annotation_" + annotation.replaceAll("[^a-zA-Z0-9_]", "_"),
                        String.valueOf(value)));
        discovered.put("__meta_kubernetes_pod_container_port_name", String.valueOf(port.get("name")));
        discovered.put(
                "__meta_kubernetes_namespace",
                nameOf(rendered.ofKind("Namespace").get(0)));
        return discovered;
    }

    /**
     * Where traffic may go from (Ingress) or to (Egress) the pods of {@code template}, as "peer:port":
     * a StoreOps app by name, "namespace X", or "internet" for every public address.
     */
    private static Set<String> allowed(Rendered rendered, Map<String, Object> template, String direction) {
        Set<String> allowed = new TreeSet<>();
        String rules = direction.equals("Ingress") ? "ingress" : "egress";
        String peers = direction.equals("Ingress") ? "from" : "to";
        for (Map<String, Object> policy : rendered.ofKind("NetworkPolicy")) {
            Map<String, Object> spec = at(policy, "spec");
            if (!list(spec.get("policyTypes")).contains(direction)
                    || !selects(map(spec.get("podSelector")), labels(template))) {
                continue;
            }
            for (Object rule : list(spec.get(rules))) {
                for (Object peer : list(map(rule).get(peers))) {
                    for (Object port : list(map(rule).get("ports"))) {
                        describe(rendered, map(peer))
                                .forEach(
                                        who -> allowed.add(who + ":" + map(port).get("port")));
                    }
                }
            }
        }
        return allowed;
    }

    private static List<String> describe(Rendered rendered, Map<String, Object> peer) {
        if (peer.containsKey("namespaceSelector")) {
            return List.of(
                    "namespace " + at(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name"));
        }
        if (peer.containsKey("ipBlock")) {
            Map<String, Object> block = at(peer, "ipBlock");
            boolean publicOnly = "0.0.0.0/0".equals(block.get("cidr"))
                    && list(block.get("except")).containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
            return List.of(publicOnly ? "internet" : "cidr " + block);
        }
        return rendered.deploymentsSelectedBy(map(peer.get("podSelector")));
    }

    /** Whether a label selector (matchLabels, matchExpressions) selects {@code labels}; an empty one selects all. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean matchesLabels = map(selector.get("matchLabels")).entrySet().stream()
                .allMatch(wanted -> Objects.equals(String.valueOf(wanted.getValue()), labels.get(wanted.getKey())));
        boolean matchesExpressions = list(selector.get("matchExpressions")).stream()
                .map(MonitoringAsCode::map)
                .allMatch(expression -> {
                    Object value = labels.get(String.valueOf(expression.get("key")));
                    List<Object> values = list(expression.get("values"));
                    return switch (String.valueOf(expression.get("operator"))) {
                        case "In" -> value != null && values.contains(value);
                        case "NotIn" -> value == null || !values.contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> throw new AssertionError("unknown selector operator in " + expression);
                    };
                });
        return matchesLabels && matchesExpressions;
    }

    /** The names of the ConfigMaps ("configMap") or Secrets ("secret") the pods read, however they read them. */
    private static Set<String> referenced(Rendered rendered, String kind) {
        Set<String> names = new TreeSet<>();
        rendered.podTemplates().values().forEach(template -> {
            for (Map<String, Object> container : containers(template)) {
                list(container.get("envFrom")).stream()
                        .map(source -> map(map(source).get(kind + "Ref")).get("name"))
                        .filter(Objects::nonNull)
                        .forEach(name -> names.add(String.valueOf(name)));
                list(container.get("env")).stream()
                        .map(variable -> map(map(map(variable).get("valueFrom")).get(kind + "KeyRef"))
                                .get("name"))
                        .filter(Objects::nonNull)
                        .forEach(name -> names.add(String.valueOf(name)));
            }
            list(at(template, "spec").get("volumes")).stream()
                    .map(volume -> map(map(volume).get(kind)).get(kind.equals("secret") ? "secretName" : "name"))
                    .filter(Objects::nonNull)
                    .forEach(name -> names.add(String.valueOf(name)));
        });
        return names;
    }

    private static List<String> probeProblems(
            String where, Map<String, Object> container, String probe, String path, Set<String> ports) {
        Map<String, Object> httpGet = at(container, probe, "httpGet");
        List<String> problems = new ArrayList<>();
        if (!path.equals(httpGet.get("path"))) {
            problems.add(where + " " + probe + " asks " + httpGet.get("path") + ", not " + path);
        }
        if (!ports.contains(String.valueOf(httpGet.get("port")))) {
            problems.add(where + " " + probe + " asks port " + httpGet.get("port") + ", which it does not listen on");
        }
        return problems;
    }

    private static Map<String, Object> autoscalerOf(Rendered rendered, String deployment) {
        return rendered.ofKind("HorizontalPodAutoscaler").stream()
                .filter(autoscaler -> deployment.equals(
                        at(autoscaler, "spec", "scaleTargetRef").get("name")))
                .findFirst()
                .orElse(null);
    }

    private static Rendered rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            String yaml;
            try {
                // to a file, so that kubectl's warnings (standard error) stay out of the YAML
                Path output = Files.createTempFile("storeops-" + name + "-", ".yaml");
                ToolRun kustomize = ToolRun.run(
                        List.of(
                                "kubectl",
                                "kustomize",
                                K8S.resolve("overlays").resolve(name).toString(),
                                "--output",
                                output.toString()),
                        KUBECTL);
                yaml = Files.readString(output);
                Files.delete(output);
                assertThat(kustomize.exitCode()).as("%s", kustomize).isZero();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object object : new Yaml().loadAll(yaml)) {
                if (object != null) {
                    objects.add(map(object));
                }
            }
            assertThat(objects).as("objects of overlay %s", name).isNotEmpty();
            return new Rendered(name, yaml, List.copyOf(objects));
        });
    }

    private static ToolRun validate(String manifests) {
        if (!Files.isDirectory(Path.of("tools", "node_modules", "kubernetes-models"))) {
            throw new IllegalStateException("deploy/tools has no node_modules: " + NODE);
        }
        return ToolRun.run(List.of("node", VALIDATOR.toString()), null, manifests, NODE);
    }

    private static Map<String, Object> renamed(Map<String, Object> object, String name) {
        Map<String, Object> copy = map(new Yaml().load(dump(List.of(object))));
        at(copy, "metadata").put("name", name);
        return copy;
    }

    private static String dump(List<Map<String, Object>> objects) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dumpAll(objects.iterator());
    }

    private static List<Map<String, Object>> containers(Map<String, Object> template) {
        return list(at(template, "spec").get("containers")).stream()
                .map(MonitoringAsCode::map)
                .toList();
    }

    private static String nameOf(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata").get("name"));
    }

    private static Map<String, Object> labels(Map<String, Object> object) {
        return at(object, "metadata", "labels");
    }

    private static Map<String, Object> annotations(Map<String, Object> object) {
        return at(object, "metadata", "annotations");
    }

    /** The mapping at {@code path} below {@code object}; an empty one where there is none. */
    private static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            current = map(current.get(key));
        }
        return current;
    }

    private static int number(Object value) {
        assertThat(value).as("a number").isNotNull();
        return Integer.parseInt(String.valueOf(value));
    }

    /** A Deployment's replicas as the API server defaults them. */
    private static int replicas(Map<String, Object> deployment) {
        Object replicas = at(deployment, "spec").get("replicas");
        return replicas == null ? 1 : number(replicas);
    }
}
