import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes a synthetic but realistic Casebook library for the build benchmark.
 *
 * <pre>
 *   java bench/GenerateLibrary.java N OUTDIR [SEED] [--mix NAME] [--KNOB VALUE ...]
 * </pre>
 *
 * OUTDIR must not exist or be empty. The output is a casebook.yml plus
 * incidents/&lt;year&gt;/&lt;id&gt;-&lt;slug&gt;.md for N write-ups spread over eight years, each with
 * full front matter and a body of about 1,500 words, and design/NNNN-&lt;slug&gt;.md design documents
 * that cite write-ups when the knobs ask for them. The knobs (see {@link Knobs}) set the size of the
 * vocabulary, the taxonomy, the cross-links and the Markdown features; a mix is a named set of
 * knobs. The same N, SEED and knobs always give byte-identical output: the metadata comes from one
 * seeded java.util.Random, and each body from its own Randoms derived from SEED and the write-up's
 * position, so bodies can be written in parallel without changing the result.
 */
public final class GenerateLibrary {

    static final int YEARS = 8;
    static final int LAST_YEAR = 2024;
    static final int FIRST_YEAR = LAST_YEAR - YEARS + 1;

    // ------------------------------------------------------------------ vocabularies

    /** service:owning-team. 30 services; --services adds more (see {@link #services}) or keeps fewer. */
    static final String[] BASE_SERVICE_DEFS = (
        "checkout:storefront cart:storefront storefront-web:storefront catalog:catalog "
      + "search:search search-indexer:search recommendations:growth pricing:catalog "
      + "inventory:logistics shipping:logistics fulfillment:logistics warehouse-sync:logistics "
      + "payments-api:payments billing:payments ledger:payments invoicing:payments "
      + "auth:identity user-profile:identity sessions:identity notifications:messaging "
      + "email-sender:messaging sms-gateway:messaging api-gateway:platform feature-flags:platform "
      + "ci-runners:platform kafka:data data-pipeline:data reporting:data cdn-edge:networking "
      + "dns:networking").split(" ");

    static final String[][] TEAM_DEFS = {
        {"storefront", "The customer-facing web shop: product pages, cart and checkout"},
        {"catalog", "Product data, pricing rules and the catalog APIs"},
        {"search", "Search, indexing and query ranking"},
        {"growth", "Recommendations, experiments and personalisation"},
        {"logistics", "Inventory, warehouses, shipping and fulfillment"},
        {"payments", "Card payments, payouts, billing and the ledger"},
        {"identity", "Login, sessions, accounts and user profiles"},
        {"messaging", "Email, SMS and push notifications"},
        {"platform", "Kubernetes, CI, the API gateway and the shared runtime"},
        {"data", "Kafka, the data pipeline and reporting"},
        {"networking", "DNS, the CDN, load balancers and edge networking"},
        {"sre", "Reliability practice, incident response and on-call tooling"},
    };

    /** 60 tags; --tag-vocabulary adds more (see {@link #tags}) or keeps fewer. */
    static final String[] BASE_TAGS = (
        "latency deploy config-change rollback timeout database capacity retry-storm cache "
      + "alerting-gap connection-pool kubernetes dns certificate third-party queue-backlog "
      + "memory-leak feature-flag partial-outage degradation customer-impact migration "
      + "rate-limit autoscaling load-balancer kafka-lag gc-pause disk-full schema-change "
      + "replication failover monitoring runbook on-call communication cron tls cdn "
      + "network-partition node-failure thundering-herd vendor-outage cloud-provider "
      + "data-corruption data-loss access-control secrets library-upgrade clock-skew "
      + "encoding backup restore split-brain full-outage security cost time-zone bgp "
      + "dependency observability").split(" ");

    /** The services (service:team) and tags of the library being written, set from the knobs. */
    static String[] SERVICE_DEFS = BASE_SERVICE_DEFS;
    static String[] TAGS = BASE_TAGS;

    static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV3", "SEV4"};

    static final String[] FIRST_NAMES = (
        "Dana Ola Priya Marcus Ines Tomasz Aiko Samuel Fatima Lars Chen Noor Diego Hannah "
      + "Kwame Sofia Ravi Elena Jonas Amara Yusuf Claire Mateo Leila Oskar Zainab Felix "
      + "Mei Andre Ingrid Tariq Nadia Hugo Keiko Omar Beatriz Viktor Ayesha Liam Rosa").split(" ");
    static final String[] LAST_NAMES = (
        "Whitfield Mensah Raman Okafor Lindqvist Nowak Tanaka Adeyemi Haddad Berg Wei "
      + "Castillo Brennan Asante Romano Iyer Petrova Keller Diallo Yilmaz Dubois Moreau "
      + "Kowalski Fischer Nakamura Silva Johansson Ahmed Novak Rossi Park Okonkwo Larsen "
      + "Varga Ortiz Hughes Sato Schmidt Costa Abara").split(" ");

    static final String[] REGIONS = "eu-west-1 eu-central-1 us-east-1 us-west-2 ap-southeast-1 ap-northeast-1 sa-east-1".split(" ");

    // Word pools. Order matters: earlier words are picked more often (Zipf-like).
    static final Pool NOUNS = new Pool(1.05, (
        "request service team change deploy alert error system traffic customer database "
      + "config node cache query connection dashboard rollout signal latency timeout "
      + "retry process queue message engineer decision problem minute hour response "
      + "release version cluster host pod container region instance incident page graph "
      + "metric log trace client server worker job batch partition broker replica leader "
      + "follower primary lease lock thread pool limit quota budget threshold baseline "
      + "spike drop backlog lag rate load peak capacity fleet zone datacenter network "
      + "packet route link gateway proxy balancer upstream downstream dependency vendor "
      + "provider contract runbook playbook checklist procedure channel call bridge "
      + "handover shift rotation escalation commander scribe liaison update status "
      + "announcement summary review meeting discussion question answer hypothesis theory "
      + "assumption guess hunch evidence clue symptom cause trigger factor condition "
      + "detail context history pattern habit practice convention default setting flag "
      + "toggle switch knob parameter variable value field column table index schema "
      + "migration backfill snapshot backup restore checkpoint offset cursor watermark "
      + "window interval schedule cron timer clock timestamp deadline budget estimate "
      + "forecast trend week month quarter weekend holiday sale campaign launch promotion "
      + "order payment refund invoice receipt cart basket product listing price discount "
      + "coupon account user session token cookie password credential secret key "
      + "certificate chain signature handshake protocol header payload body field "
      + "endpoint route path handler middleware filter plugin library framework runtime "
      + "compiler build pipeline artifact image registry repository branch commit patch "
      + "diff review approval reviewer owner maintainer author responder operator analyst "
      + "manager director stakeholder colleague teammate newcomer expert specialist "
      + "vendor partner supplier customer merchant shopper visitor tenant organisation "
      + "department office laptop terminal console shell script tool command flag option "
      + "argument output input stream buffer socket port address hostname resolver record "
      + "zone cache entry key bucket shard segment block page file disk volume mount "
      + "filesystem inode memory heap stack allocation garbage collector pause thread "
      + "scheduler core processor kernel driver firmware hardware rack switch cable "
      + "power supply cooling outage failure degradation regression bug defect flaw gap "
      + "blind spot surprise ambiguity confusion uncertainty pressure tradeoff priority "
      + "risk cost benefit impact consequence outcome result effect side effect lesson "
      + "insight improvement experiment canary rollback mitigation workaround fix remedy "
      + "safeguard guardrail check validation test suite fixture mock simulation drill "
      + "exercise game day rehearsal document note comment ticket issue task follow-up "
      + "action item owner deadline milestone roadmap backlog sprint goal objective "
      + "promise expectation agreement objective indicator objective error budget "
      + "dashboard panel widget chart axis legend label annotation heatmap histogram "
      + "percentile median average outlier sample sampler exporter collector agent sidecar "
      + "daemon controller operator webhook admission quota namespace deployment replica "
      + "statefulset daemonset service ingress volume claim secret configmap manifest "
      + "chart template overlay environment staging production sandbox preview mirror "
      + "storm avalanche cascade feedback loop herd flood trickle drift skew jitter noise "
      + "silence gap overlap race deadlock livelock starvation contention saturation "
      + "exhaustion leak churn flap oscillation restart crash panic exception stacktrace "
      + "assertion invariant guarantee contract boundary interface abstraction layer tier "
      + "edge core origin frontend backend monolith microservice facade adapter shim").split(" "));

    static final Pool ADJS = new Pool(1.0, (
        "new slow high low normal unusual small large old recent wrong missing stale "
      + "healthy unhealthy busy idle partial full intermittent constant sudden gradual "
      + "obvious subtle quiet noisy clear unclear confusing familiar strange expected "
      + "unexpected reasonable plausible misleading convincing harmless risky safe unsafe "
      + "manual automatic automated default custom global local regional upstream "
      + "downstream internal external public private shared dedicated primary secondary "
      + "temporary permanent transient persistent stable unstable flaky reliable "
      + "available unavailable degraded saturated exhausted overloaded idle warm cold "
      + "hot fresh cached uncached synchronous asynchronous concurrent parallel serial "
      + "sequential ordered unordered duplicate idempotent atomic consistent inconsistent "
      + "eventual strict lenient aggressive conservative generous tight loose narrow wide "
      + "shallow deep brief long short lengthy quick fast rapid steady erratic periodic "
      + "nightly weekly monthly hourly daily late early tired careful cautious confident "
      + "nervous curious frustrated relieved surprised experienced junior senior "
      + "on-call off-hours overnight critical minor major significant negligible visible "
      + "invisible hidden silent loud verbose sparse dense complete incomplete accurate "
      + "inaccurate precise vague ambiguous explicit implicit documented undocumented "
      + "tested untested legacy modern deprecated unsupported vendored forked pinned "
      + "unpinned mutable immutable read-only writable encrypted expired valid invalid "
      + "malformed truncated corrupted empty null blank orphaned dangling leaked retained "
      + "throttled rate-limited queued pending blocked stuck hung wedged zombie detached "
      + "misconfigured mislabelled misrouted unrelated coincidental correlated causal "
      + "contributing underlying immediate proximate systemic organisational technical "
      + "social cognitive").split(" "));

    static final Pool ADVS = new Pool(1.0, (
        "quickly slowly suddenly gradually eventually immediately briefly finally already "
      + "still again only just almost nearly barely roughly mostly partly fully entirely "
      + "clearly apparently obviously surprisingly unexpectedly reasonably carefully "
      + "manually automatically silently quietly loudly repeatedly intermittently "
      + "consistently reliably rarely often usually normally typically occasionally "
      + "briefly temporarily permanently deliberately accidentally correctly incorrectly "
      + "safely unsafely aggressively conservatively").split(" "));

    static final Pool VPAST = new Pool(1.0, (
        "spotted noticed checked restarted rolled back deployed paged escalated declared "
      + "confirmed suspected assumed expected missed found traced compared disabled "
      + "enabled scaled drained failed over promoted demoted recycled patched reverted "
      + "retried throttled blocked unblocked cleared flushed purged rebuilt reindexed "
      + "replayed replicated migrated upgraded downgraded pinned unpinned tuned raised "
      + "lowered doubled halved increased reduced removed added renamed moved split "
      + "merged shipped tested verified validated monitored watched questioned "
      + "explained decided picked ignored dismissed "
      + "discussed debated investigated reviewed inspected drafted searched grepped queried "
      + "graphed plotted annotated summarised documented recorded logged announced "
      + "posted updated handed over called messaged pinged").split(" "));

    static final Pool VBASE = new Pool(1.0, (
        "check restart roll back deploy page escalate declare confirm trace compare "
      + "disable enable scale drain fail over promote patch revert retry throttle block "
      + "clear flush purge rebuild reindex replay migrate upgrade pin tune raise lower "
      + "reduce remove add rename move split merge ship test verify validate monitor "
      + "watch document record alert annotate review audit simplify automate "
      + "standardise separate isolate limit cap bound budget rehearse practise share "
      + "teach explain measure sample expose surface label").split(" "));

    static final Pool TECH = new Pool(0.9, (
        "connection pool|read replica|circuit breaker|load balancer|health check|readiness probe|"
      + "liveness probe|retry budget|exponential backoff|rate limiter|feature flag|config map|"
      + "service mesh|sidecar proxy|DNS resolver|TTL|TLS certificate|certificate chain|"
      + "consumer group|dead-letter queue|message broker|write-ahead log|query planner|"
      + "autovacuum|index scan|sequential scan|lock queue|thread pool|worker pool|event loop|"
      + "garbage collector|heap dump|memory limit|CPU throttling|OOM killer|node pool|"
      + "cluster autoscaler|horizontal pod autoscaler|pod disruption budget|rolling update|"
      + "blue-green deploy|canary release|deploy pipeline|build cache|artifact registry|"
      + "container image|base image|cron job|batch job|scheduled task|job queue|"
      + "cache stampede|cache key|eviction policy|hit ratio|CDN cache|origin shield|"
      + "edge node|BGP session|routing table|NAT gateway|security group|firewall rule|"
      + "IAM policy|service account|API key|OAuth token|session store|idempotency key|"
      + "request timeout|socket timeout|keep-alive|HTTP/2 stream limit|gRPC deadline|"
      + "p99 latency|error budget|SLO burn rate|alert threshold|paging policy|"
      + "on-call rotation|status page|incident channel|runbook|feature toggle|"
      + "schema migration|online migration|backfill job|replication lag|failover|"
      + "leader election|quorum|split brain|clock skew|NTP|leap second|time zone database|"
      + "character encoding|UTF-8 decoder|JSON parser|protobuf schema|serializer|"
      + "client library|SDK upgrade|dependency bump|lockfile|vendored fork|"
      + "sharded counter|hot partition|hot key|fan-out|fan-in|queue depth|backpressure|"
      + "bulkhead|admission control|load shedding|priority queue|token bucket|"
      + "object storage|block storage|disk quota|inode table|log rotation|log shipper|"
      + "metrics pipeline|tracing sampler|synthetic check|uptime probe").split("\\|"));

    static final Pool SYMPTOMS = new Pool(0.8, (
        "elevated 5xx rates|p99 latency above two seconds|a slow climb in timeouts|"
      + "intermittent 502s from the load balancer|empty search results|stale prices|"
      + "duplicate emails|failed logins for a subset of users|a growing queue backlog|"
      + "checkout errors for card payments|missing orders in the warehouse feed|"
      + "blank product pages|a spike in retries|pods restarting in a loop|"
      + "connection refused errors|TLS handshake failures|slow page loads in one region|"
      + "a flood of 429 responses|double charges on a handful of orders|"
      + "consumer lag in the millions|nightly reports that never finished|"
      + "stale session data|out-of-memory kills|disk usage at 100 percent|"
      + "DNS lookups timing out|wrong currency on invoices|push notifications arriving hours late|"
      + "search results from last week|a drop in conversion|builds stuck in the queue").split("\\|"));

    static final Pool CAUSES = new Pool(0.8, (
        "a connection-pool change|an expired intermediate certificate|a config change that reached every region at once|"
      + "a schema migration that took a table lock|a retry loop without backoff|a cache flush during peak traffic|"
      + "a feature flag flipped for all users instead of one percent|a dependency upgrade that changed a default timeout|"
      + "a cron job that ran twice|a full disk on the primary|a DNS record with a one-week TTL|"
      + "a noisy neighbour on the shared node pool|a memory leak in the new client library|"
      + "a vendor outage upstream|a mislabelled load-balancer target group|a clock that drifted by four minutes|"
      + "a batch job that rewrote every row|an autoscaler that scaled the wrong way|"
      + "a rate limit shared by two services|a backfill that saturated the replicas|"
      + "a rotated secret that one service never reloaded|a hot partition in the events topic|"
      + "an index that was dropped during a cleanup|a typo in a routing rule|"
      + "a load test pointed at production|a node pool upgrade that drained too many nodes").split("\\|"));

    static final Pool FIXES = new Pool(0.8, (
        "rolled back the deploy|reverted the config change|failed over to the replica|"
      + "disabled the feature flag|scaled the service out|drained the bad nodes|"
      + "restarted the consumers one at a time|raised the pool size back|"
      + "renewed the certificate by hand|paused the backfill|purged the CDN cache|"
      + "pinned the old client version|moved traffic to another region|"
      + "killed the runaway query|shed low-priority traffic|rebuilt the search index").split("\\|"));

    /** A long tail of everyday and figurative words that write-ups also use. */
    static final Pool RARE_NOUNS = new Pool(0.6, (
        "morning afternoon evening night midnight weekend vacation lunch coffee kitchen "
      + "hallway desk whiteboard notebook calendar invitation reminder spreadsheet diagram "
      + "sketch drawing map compass anchor harbour lighthouse iceberg domino snowball needle "
      + "haystack rabbit-hole fire smoke alarm siren storm weather tide wave current river "
      + "dam flood drought garden weed seed root branch leaf forest tree mountain valley "
      + "cliff bridge tunnel road highway junction intersection detour shortcut crossroads "
      + "traffic-jam bottleneck funnel sieve filter valve pipe faucet tap bucket sponge "
      + "puzzle riddle mystery detective witness suspect alibi verdict trial judge jury "
      + "lawyer contract clause footnote appendix chapter paragraph sentence headline "
      + "rumour gossip whisper shout echo mirror shadow ghost puppet orchestra conductor "
      + "musician rhythm tempo melody chorus rehearsal audience stage curtain spotlight "
      + "backstage ticket queue crowd stampede herd flock swarm hive colony nest burrow "
      + "habitat ecosystem organism immune antibody fever symptom diagnosis prognosis "
      + "patient doctor nurse surgeon triage ambulance hospital pharmacy prescription "
      + "dose overdose allergy vaccine bandage stitch scar wound bruise fracture sprain "
      + "muscle nerve reflex instinct habit ritual tradition folklore myth legend hero "
      + "villain scapegoat blame accountability trust respect patience curiosity humility "
      + "courage fatigue stress burnout sleep insomnia adrenaline caffeine hunger appetite "
      + "kettle toaster oven stove recipe ingredient flavour taste spice salt sugar "
      + "receipt wallet coin banknote vault safe padlock keyring doorbell doorway window "
      + "balcony staircase elevator escalator basement attic roof chimney foundation "
      + "scaffolding crane bulldozer hammer wrench screwdriver chisel saw drill ladder "
      + "rope knot chain link hook lever pulley spring gear wheel axle engine motor "
      + "battery fuse breaker socket plug wire antenna radar sonar beacon satellite orbit "
      + "telescope microscope thermometer barometer gauge meter dial needle pendulum "
      + "hourglass stopwatch calendar almanac diary journal logbook ledger inventory "
      + "catalogue archive library shelf drawer folder envelope stamp postcard parcel "
      + "courier messenger pigeon telegraph telephone switchboard operator receptionist "
      + "janitor caretaker gardener shepherd farmer baker butcher carpenter plumber "
      + "electrician mechanic pilot captain sailor navigator lookout watchman guard "
      + "sentry gatekeeper referee umpire coach captaincy relay baton marathon sprint "
      + "hurdle finish-line scoreboard trophy medal podium").split(" "));

    static final Pool RARE_ADJS = new Pool(0.6, (
        "awkward brittle clumsy cluttered crowded dusty elaborate fragile frantic fuzzy "
      + "gloomy graceful grim hasty hectic humble jittery lopsided meticulous murky "
      + "nimble patchy peculiar puzzling rickety rigid rusty scattered shaky sleepy "
      + "sluggish sneaky sporadic sprawling steep sticky stubborn tangled tedious tense "
      + "thorny tidy tricky turbulent uneasy uneven unruly vivid wary weary wobbly "
      + "bewildering deceptive exhausting forgettable harrowing illuminating instructive "
      + "memorable overdue painstaking reassuring relentless sobering tiresome unnerving "
      + "uneventful unglamorous unremarkable").split(" "));

    static final String[] METRIC_SUFFIX = (
        "requests_total request_duration_seconds errors_total pool_active_connections "
      + "pool_wait_seconds queue_depth consumer_lag retries_total cache_hit_ratio "
      + "gc_pause_seconds heap_used_bytes open_files replication_lag_seconds "
      + "inflight_requests dropped_messages_total").split(" ");
    static final String[] CFG_PARTS = (
        "max min pool size timeout retry backoff idle connect read write batch queue "
      + "cache ttl limit interval threshold concurrency workers buffer window").split(" ");
    static final String[] HOST_ROLES = "api worker db cache web consumer indexer gw".split(" ");
    static final String[] EXC = (
        "SocketTimeoutException ConnectionResetException PoolExhaustedException "
      + "SSLHandshakeException UnknownHostException OutOfMemoryError DeadlineExceeded "
      + "LockTimeoutException SerializationException RateLimitedException").split(" ");
    static final String[] WORDS_SMALL = "two three four five six seven eight nine ten twelve".split(" ");

    // ------------------------------------------------------------------ sentence templates

    static final String[] T_OPEN = {
        "On {weekday} {datelong}, {svc} started showing {sym} at about {t0} UTC.",
        "Shortly after {t0} UTC on {weekday}, customers began to see {sym} from {svc}.",
        "At {t0} UTC, {cause} reached {svc}, and within minutes we were seeing {sym}.",
        "This is the story of how {cause} turned into {sym} for {mins} minutes on {weekday} {datelong}.",
    };
    static final String[] T_STORY = {
        "The trigger was {cause}, which on its own would have been harmless.",
        "{P} was on call for {team} and got paged by the `{alert}` alert at {t1} UTC.",
        "At first the {n} looked {adj}, and nothing on the {svc} dashboard seemed {adj}.",
        "The {ns} in `{metric}` climbed {adv} while the error rate stayed flat, which is not what anyone expected.",
        "Because the change had gone out {adv} the day before, nobody connected it with the {n}.",
        "{P} opened {chan} and asked whether anyone had {vp} {svcx} recently.",
        "Traffic from {region} was hit first; the other regions followed about {num} minutes later.",
        "The {tech} on `{host}` was full, and new requests waited in line until they timed out.",
        "We {vp} the {n} on `{host}` and saw {err} repeated thousands of times.",
        "Customers noticed before our alerts did: the first support ticket arrived at {t1} UTC.",
        "{P} {vp} the {tech} and the {ns} recovered for a few minutes, then fell over again.",
        "By {t2} UTC the team had {fix}, and the {n} returned to its {adj} baseline.",
        "Roughly {pct} percent of requests to {svc} failed during the worst {num} minutes.",
        "The {adj} {n} in {svcx} made things worse, because every failure turned into {num} retries.",
        "The {tech} behaved exactly as configured; the configuration was simply {adj} for this {n}.",
        "We later found that {svcx} had been {adj} for weeks, but the {n} had hidden it.",
        "{P} and {P2} split the work: one watched the {tech}, the other {vp} the {n}.",
        "Nothing in the deploy log pointed at {svc}, so the first twenty minutes went into {svcx}.",
        "Once the {tech} was drained the {ns} came back, slowly, over about {num} minutes.",
        "The incident was closed at {t3} UTC after the {n} had been {adj} for an hour.",
        "In total the impact lasted {mins} minutes, and it took {ttd} before anyone was looking at it.",
        "The graphs show it clearly now, but at the time the {metric} panel was one of {num} on the screen.",
        "The {n} was {adj} rather than {adj2}, which is why the usual alerts stayed quiet.",
        "A {adj} {n} from {team} gave us the clue: the {tech} had been {vp} an hour earlier.",
        "Support escalated {num} tickets in the first half hour, most of them from {region}.",
        "{P} wrote in {chan}: \"I think it's the {tech}, but I can't prove it yet.\"",
        "The on-call handbook says to page {team2} for anything involving the {tech}; nobody did, because the {n} looked like ours.",
        "Mitigation came from an unexpected place: {P} {fix} on a hunch, and the graphs turned within a minute.",
        "For most of the incident we were looking at the right {n} through the wrong graph.",
        "It felt like looking for a {rn} in a {rn2}, with {num} dashboards open and none of them wrong.",
        "Someone compared the {tech} to a {rn}: fine until the moment it is not.",
        "The call was {ran} but calm; {P} kept a running summary so newcomers could catch up.",
        "The deploy had passed every check; the checks simply did not cover the {tech}.",
        "Error budgets for {svc} were already thin that month, which raised the pressure on everyone.",
        "We briefly considered a full failover to {region}, and decided against it because the {tech} there was {adj} too.",
    };
    static final String[] T_DIFFICULT = {
        "The {n} was ambiguous: {sym} can come from at least {word} different places, and the dashboards did not say which.",
        "Nobody on the call had worked on {svc} for more than a few months, and the runbook was {adj}.",
        "The alert that fired was `{alert}`, which is usually noise, so {P} gave it a few minutes before escalating.",
        "We had two competing priorities: keep {svc} up for the {n}, and avoid touching a {adj} {tech} in the middle of the day.",
        "The {tech} hides {ns} until they become {adj}, so the first signal we had was already a late one.",
        "Logs from `{host}` were sampled at {pct} percent, so the {err} lines were easy to miss.",
        "The {n} crossed team boundaries: {team} owned the {tech}, {team2} owned the traffic, and neither saw the whole picture.",
        "Rolling back felt {adj} because the same release also carried a {adj2} {n} for {svcx}.",
        "It was {weekday} evening, and half of {team} were already offline.",
        "Every restart made the {n} look better for a few minutes, which made each new theory seem confirmed.",
        "The status page was updated by hand, and keeping it current took one person out of the investigation.",
        "We could not reproduce the {n} in staging, because staging has {num} times less traffic and a {adj} {tech}.",
        "The `{metric}` graph uses a five-minute average, which smoothed the spike into something that looked {adj}.",
        "Several people were {vping} the same {n} in parallel without knowing it.",
        "The vocabulary got in the way: {team} says {n} where {team2} says {n2}, and for a while we were talking past each other.",
        "{P} had the right idea early, but phrased it as a question, and the call moved on.",
        "Access was a problem: only {num} people could {vb} the {tech} in production, and none of them were online.",
        "Our tooling showed the {n} per host, and there are {num} hundred hosts behind {svc}.",
    };
    static final String[] T_HERRING = {
        "A deploy of {svcx} went out at {t0} UTC, and for twenty minutes it looked like the obvious cause. It was unrelated; the timing was a coincidence.",
        "The `{metric}` graph showed a {adj} spike, but it turned out to be the {n} from a load test earlier that day.",
        "We saw {err} in the logs of `{host}`, but those errors had been there for months at the same rate.",
        "{P} suspected the {tech}, because it had caused a similar {n} last year. This time it was healthy.",
        "Disk usage on `{host}` was at {pct} percent, which looked alarming but was normal for that host.",
        "A {adj} DNS change in {region} was the first theory. It had been rolled out to a different zone.",
        "The {vendor} status page reported degraded service, which sent us looking upstream for a while.",
        "The {n} in {svcx} dropped at the same moment, but that was a consequence, not a cause.",
    };
    static final String[] T_CONTRIB = {
        "**The {tech} defaults.** The {n} had a {adj} default that nobody had revisited since {svc} was first deployed.",
        "**Retries without a budget.** Each layer retried {word} times, so one failed request upstream became dozens downstream.",
        "**An alert tuned for the old traffic.** `{alert}` was set against a baseline from {yearago}, when {svc} handled a fraction of today's load.",
        "**A change that reached everywhere at once.** The {cfg} change went to every region in one step, with no canary.",
        "**Shared capacity.** {svc} and {svcx} share a {tech}, so one service's {n} became the other's outage.",
        "**Knowledge in one head.** Only {P} knew how the {tech} had been set up, and they were not on call.",
        "**A quiet failure mode.** When the {tech} is saturated it does not error, it waits, and waiting does not page anyone.",
        "**Missing ownership.** The {n} sat between {team} and {team2}, and each assumed the other was watching it.",
        "**A misleading dashboard.** The `{metric}` panel averaged across regions and hid the one that was {adj}.",
        "**Time pressure.** It happened during {event}, when every minute of downtime was expensive.",
    };
    static final String[] T_LEARNED = {
        "We learned that the {tech} in {svc} fails {adv} and without warning, and that our alerts were not built for that.",
        "The system is more coupled than our diagrams show: {svc} depends on {svcx} through the {tech}, and nobody had drawn that line.",
        "Rolling back first and investigating later would have saved us about {num} minutes; we will make that the default.",
        "A {adj} {n} is still a {n}. We should {vb} it before it becomes an incident.",
        "The people who understood the {tech} were not in the room, and we need a better way to find them quickly.",
        "Handing over between shifts worked well: {P} wrote a summary in {chan} that let {P2} pick up without questions.",
        "We rely on {vendor} more than we thought, and our contract does not say what happens when they are slow.",
        "Dashboards that average across regions will keep hiding regional {ns}; we should {vb} them per region.",
        "Not every {n} needs a new alert. Several of the signals we had were fine; we did not know how to read them.",
        "The incident also showed what went well: the {tech} we added after an earlier incident held, and limited the damage to {svc}.",
        "We were {adv} {adj} about the {n}; writing the assumption down would have let someone challenge it.",
        "Practising failover on a quiet {weekday} is cheaper than learning it during {sym}.",
        "Incident response went better than last time: roles were clear within ten minutes and the status page stayed current.",
        "We now think of the {tech} as part of {svc}, not as shared plumbing, and we will own it accordingly.",
        "Asking \"what changed?\" found nothing, because nothing in {svc} had changed; the world around it had.",
        "The most useful signal turned out to be one we do not alert on: `{metric}`.",
    };
    static final String[] T_FOLLOW = {
        "{VB} the {tech} settings for {svc} and document the reasoning",
        "Add a per-region panel for `{metric}` to the {svc} dashboard",
        "Give the `{alert}` alert a runbook link and an owner in {team}",
        "Set a retry budget on calls from {svc} to {svcx}",
        "Roll out {cfg} changes through the canary stage first",
        "Add a game day for {tech} failover to the {team} calendar",
        "Write down who owns the {tech} between {team} and {team2}",
        "{VB} the {n} checks in the deploy pipeline for {svc}",
        "Alert on saturation of the {tech}, not only on errors",
        "Share this write-up at the {team} reliability review",
    };
    static final String[] T_EVENT_BEFORE = {
        "Error rate on {svc} starts to climb slowly.",
        "`{metric}` rises above its usual range; no alert fires.",
        "A customer reports {sym} on social media.",
        "Deploy of {svcx} {ver} finishes.",
        "Retries from {svcx} double.",
    };
    static final String[] T_EVENT_AFTER = {
        "Error rate back at baseline in all regions.",
        "{P} posts an all-clear in {chan}.",
        "Status page updated: monitoring.",
        "Backlog drained; consumers caught up.",
        "{P} hands over to {P2} for monitoring.",
        "Queued jobs replayed; {num} of them needed manual fixes.",
        "Support closes the customer tickets with a template reply.",
        "{P} confirms no data was lost.",
    };
    static final String[] T_EVENT = {
        "{P} acknowledges the page and opens {chan}.",
        "{P} declares a {sev} incident; {P2} takes the incident commander role.",
        "{P} notices {sym} on the {svc} dashboard.",
        "First customer report reaches support.",
        "{P} suspects {svcx} and checks its recent deploys.",
        "Status page updated: investigating {svc} issues.",
        "{P} {vp} the {tech} on `{host}`.",
        "{P2} joins from {team2} and shares the `{metric}` graph.",
        "Team decides to roll back {svc} to {ver}.",
        "Traffic in {region} shifted away.",
        "{P} posts an update in {chan}.",
        "{P} pulls the `{metric}` graph for the last 24 hours.",
        "{P2} finds {err} in the logs of `{host}`.",
        "{P} restarts one pod as an experiment; no change.",
        "Customer support asks for an ETA.",
    };

    // ------------------------------------------------------------------ model

    record Person(String name, String team) {}

    static final class Incident {
        int index;
        String id, slug, title, summary, severity, owner;
        LocalDate date;
        int year;
        int startMin, detectMin, mitigateMin, resolveMin; // minutes since midnight UTC
        boolean nearMiss;
        List<String> teams = new ArrayList<>(), services = new ArrayList<>(), tags = new ArrayList<>();
        List<Person> authors = new ArrayList<>(), responders = new ArrayList<>();
        List<Integer> related = new ArrayList<>();
        String causeText, symText, fixText, eventText;

        String relPath() { return year + "/" + id + "-" + slug + ".md"; }
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 == args.length) usage("option " + args[i] + " needs a value");
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() < 2 || positional.size() > 3) usage(null);
        int n;
        long seed;
        try {
            n = Integer.parseInt(positional.get(0));
            seed = positional.size() == 3 ? Long.parseLong(positional.get(2)) : 42L;
        } catch (NumberFormatException e) {
            usage("N and SEED must be integers: " + e.getMessage());
            return;
        }
        if (n < 1 || n > 99_999 * YEARS / 2) usage("N must be between 1 and " + (99_999 * YEARS / 2));
        try {
            K = Knobs.parse(options, n);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        Path out = Path.of(positional.get(1));
        if (Files.exists(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) usage("OUTDIR must not exist or be empty: " + out);
            }
        }
        long t0 = System.nanoTime();
        SERVICE_DEFS = services(K.services);
        TAGS = tags(K.tagVocabulary);
        try {
            if (K.vocabulary > 0) Vocabulary.calibrate(seed, K.vocabulary);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        Files.createDirectories(out);

        Random rnd = new Random(seed);
        List<Person> people = makePeople(rnd);
        List<Incident> incidents = makeIncidents(n, rnd, people);

        AtomicLong bytes = new AtomicLong();
        AtomicLong words = new AtomicLong();
        String yml = casebookYml();
        Files.writeString(out.resolve("casebook.yml"), yml, StandardCharsets.UTF_8);
        bytes.addAndGet(yml.getBytes(StandardCharsets.UTF_8).length);
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            Files.createDirectories(out.resolve("incidents").resolve(Integer.toString(y)));
        }
        Path incDir = out.resolve("incidents");
        final long fseed = seed;
        int window = Math.min(n, Vocabulary.WINDOW);
        Set<String> windowWords = java.util.concurrent.ConcurrentHashMap.newKeySet();
        IntStream.range(0, n).parallel().forEach(i -> {
            Incident inc = incidents.get(i);
            String text = writeUp(fseed, i, incidents, w -> words.addAndGet(w.bodyWords));
            if (i < window) Vocabulary.addWords(text, windowWords);
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            try {
                Files.write(incDir.resolve(inc.relPath()), data);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            bytes.addAndGet(data.length);
        });
        int designs = K.designDocs(n);
        if (designs > 0) {
            Path designDir = Files.createDirectories(out.resolve("design"));
            IntStream.range(0, designs).parallel().forEach(d -> {
                DesignDoc doc = DesignDoc.write(fseed, d, incidents, people);
                byte[] data = doc.text().getBytes(StandardCharsets.UTF_8);
                try {
                    Files.write(designDir.resolve(doc.fileName()), data);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bytes.addAndGet(data.length);
            });
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT,
            "generated %d write-ups (%d-%d) and %d design documents in %s: %d files, %d bytes (%.1f MB), "
                + "%d body words (avg %d), %d distinct words in the first %d write-ups, mix %s, seed %d, %.2f s%n",
            n, FIRST_YEAR, LAST_YEAR, designs, out, n + designs + 1, bytes.get(), bytes.get() / 1048576.0,
            words.get(), words.get() / n, windowWords.size(), window, K.mix, seed, secs);
        System.out.println("knobs: " + K);
    }

    /** The write-up at position i, with its own Random (derived from SEED and i), so write-ups can be written in any order. */
    static String writeUp(long seed, int i, List<Incident> incidents, java.util.function.Consumer<Writer> done) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L);
        Random pseudo = new Random(seed * 0xD1B54A32D192ED03L + (i + 1) * 0x94D049BB133111EBL);
        Writer w = new Writer(r, pseudo, incidents.get(i), incidents);
        String text = w.document();
        done.accept(w);
        return text;
    }

    static void usage(String problem) {
        if (problem != null) System.err.println("GenerateLibrary: " + problem);
        System.err.println("usage: java bench/GenerateLibrary.java N OUTDIR [SEED] [--mix NAME] [--KNOB VALUE ...]");
        System.err.println("mixes: " + String.join(", ", Knobs.MIXES.keySet()) + " (default uniform); knobs: " + Knobs.HELP);
        System.exit(2);
    }

    // ------------------------------------------------------------------ knobs

    static Knobs K = Knobs.parse(Map.of(), 1);

    /**
     * What kind of library to write. Ranges are "MIN-MAX" (each write-up draws a value in it) or one
     * number. A mix is a named set of knobs; knobs given on the command line override the mix's.
     */
    static final class Knobs {
        static final Map<String, String> MIXES = new LinkedHashMap<>();
        static {
            MIXES.put("uniform", "");
            MIXES.put("wide", "vocabulary=34000 tags-per=4 tag-vocabulary=40 services=100 design-docs=5% "
                + "design-citations=15 links=4 tables=1 code-blocks=1 length=1.15");
            MIXES.put("linked", "tags-per=6-10 tag-vocabulary=300 services=250 design-docs=20% "
                + "design-citations=30 links=8-12 tables=2 code-blocks=2 length=0.9");
        }
        static final String HELP = "--vocabulary W (distinct words per 2,000 write-ups; 0: the built-in text's own), "
            + "--tags-per A[-B], --tag-vocabulary T, --services S, --design-docs D or P%, --design-citations C, "
            + "--links A[-B], --tables T, --code-blocks C, --length F (body length factor)";

        String mix = "uniform";
        int vocabulary;                 // 0: no pseudo-words
        int tagsMin = 2, tagsMax = 5;
        int tagVocabulary = BASE_TAGS.length;
        int services = BASE_SERVICE_DEFS.length;
        int designCount;                // absolute, unless designPercent >= 0
        double designPercent = -1;
        int designCitations = 8;
        int linksMin = 1, linksMax = 3;
        int tables = 1;
        int codeBlocks = 1;
        double length = 1.0;

        static Knobs parse(Map<String, String> options, int n) {
            Knobs k = new Knobs();
            String mix = options.getOrDefault("mix", "uniform");
            String preset = MIXES.get(mix);
            if (preset == null) throw new IllegalArgumentException("unknown mix '" + mix + "'; mixes: " + MIXES.keySet());
            k.mix = mix;
            for (String kv : preset.split(" ")) {
                if (!kv.isEmpty()) k.set(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            for (var e : options.entrySet()) {
                if (!e.getKey().equals("mix")) k.set(e.getKey(), e.getValue());
            }
            if (!options.keySet().equals(Set.of("mix")) && !options.isEmpty()) k.mix = mix + "+custom";
            return k;
        }

        void set(String key, String v) {
            try {
                switch (key) {
                    case "vocabulary" -> vocabulary = atLeast(key, Integer.parseInt(v), 0);
                    case "tags-per" -> { int[] r = range(key, v); tagsMin = r[0]; tagsMax = r[1]; }
                    case "tag-vocabulary" -> tagVocabulary = atLeast(key, Integer.parseInt(v), 1);
                    case "services" -> services = atLeast(key, Integer.parseInt(v), 1);
                    case "design-docs" -> {
                        if (v.endsWith("%")) { designPercent = Double.parseDouble(v.substring(0, v.length() - 1)); designCount = 0; }
                        else { designCount = atLeast(key, Integer.parseInt(v), 0); designPercent = -1; }
                        if (designPercent > 1000) throw new IllegalArgumentException("--design-docs: at most 1000%");
                    }
                    case "design-citations" -> designCitations = atLeast(key, Integer.parseInt(v), 1);
                    case "links" -> { int[] r = range(key, v); linksMin = r[0]; linksMax = r[1]; }
                    case "tables" -> tables = atLeast(key, Integer.parseInt(v), 0);
                    case "code-blocks" -> codeBlocks = atLeast(key, Integer.parseInt(v), 0);
                    case "length" -> {
                        length = Double.parseDouble(v);
                        if (!(length >= 0.1 && length <= 10)) throw new IllegalArgumentException("--length must be between 0.1 and 10");
                    }
                    default -> throw new IllegalArgumentException("unknown option --" + key);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + ": not a number: " + v);
            }
        }

        static int atLeast(String key, int v, int min) {
            if (v < min) throw new IllegalArgumentException("--" + key + " must be at least " + min);
            return v;
        }

        static int[] range(String key, String v) {
            int dash = v.indexOf('-');
            int a = Integer.parseInt(dash < 0 ? v : v.substring(0, dash));
            int b = dash < 0 ? a : Integer.parseInt(v.substring(dash + 1));
            if (a < 0 || b < a || b > 50) throw new IllegalArgumentException("--" + key + ": a range MIN-MAX with 0 <= MIN <= MAX <= 50");
            return new int[]{a, b};
        }

        int designDocs(int n) {
            return designPercent >= 0 ? (int) Math.round(n * designPercent / 100) : designCount;
        }

        @Override
        public String toString() {
            return "vocabulary=" + (vocabulary == 0 ? "built-in" : vocabulary) + " tags-per=" + tagsMin + "-" + tagsMax
                + " tag-vocabulary=" + tagVocabulary + " services=" + services + " design-docs="
                + (designPercent >= 0 ? designPercent + "%" : Integer.toString(designCount)) + " design-citations=" + designCitations
                + " links=" + linksMin + "-" + linksMax + " tables=" + tables + " code-blocks=" + codeBlocks + " length=" + length;
        }
    }

    /** The first S services: the 30 built-in ones, then made-up ones (a noun and a role), owned by the teams in turn. */
    static String[] services(int count) {
        List<String> defs = new ArrayList<>(Arrays.asList(BASE_SERVICE_DEFS).subList(0, Math.min(count, BASE_SERVICE_DEFS.length)));
        Set<String> names = new LinkedHashSet<>();
        for (String d : BASE_SERVICE_DEFS) names.add(d.substring(0, d.indexOf(':')));
        String[] roles = "api worker gateway store sync scheduler indexer proxy exporter router".split(" ");
        for (int i = 0; defs.size() < count; i++) {
            String noun = NOUNS.words[i % NOUNS.words.length];
            String name = noun + "-" + roles[(i / NOUNS.words.length) % roles.length] + (i >= NOUNS.words.length * roles.length ? "-" + i : "");
            if (names.add(name)) defs.add(name + ":" + TEAM_DEFS[defs.size() % TEAM_DEFS.length][0]);
        }
        return defs.toArray(String[]::new);
    }

    /** The first T tags: the 60 built-in ones, then made-up ones (a noun and a kind of trouble). */
    static String[] tags(int count) {
        List<String> tags = new ArrayList<>(Arrays.asList(BASE_TAGS).subList(0, Math.min(count, BASE_TAGS.length)));
        Set<String> seen = new LinkedHashSet<>(Arrays.asList(BASE_TAGS));
        String[] kinds = "errors drift limit storm upgrade lag config outage leak saturation".split(" ");
        for (int i = 0; tags.size() < count; i++) {
            String tag = NOUNS.words[i % NOUNS.words.length] + "-" + kinds[(i / NOUNS.words.length) % kinds.length]
                + (i >= NOUNS.words.length * kinds.length ? "-" + i : "");
            if (seen.add(tag)) tags.add(tag);
        }
        return tags.toArray(String[]::new);
    }

    // ------------------------------------------------------------------ metadata

    static List<Person> makePeople(Random rnd) {
        List<String> names = new ArrayList<>();
        for (String f : FIRST_NAMES) for (String l : LAST_NAMES) names.add(f + " " + l);
        Collections.shuffle(names, rnd);
        List<Person> people = new ArrayList<>();
        // ~9 people per team, 108 in all
        for (int i = 0; i < TEAM_DEFS.length * 9; i++) {
            people.add(new Person(names.get(i), TEAM_DEFS[i % TEAM_DEFS.length][0]));
        }
        return people;
    }

    static String teamOf(String service) {
        for (String d : SERVICE_DEFS) {
            int c = d.indexOf(':');
            if (d.substring(0, c).equals(service)) return d.substring(c + 1);
        }
        throw new IllegalStateException(service);
    }

    static String svcName(int i) { return SERVICE_DEFS[i].substring(0, SERVICE_DEFS[i].indexOf(':')); }

    static List<Incident> makeIncidents(int n, Random rnd, List<Person> people) {
        // Libraries grow: later years hold more write-ups.
        double[] w = new double[YEARS];
        double sum = 0;
        for (int k = 0; k < YEARS; k++) { w[k] = 1.0 + 0.3 * k; sum += w[k]; }
        int[] perYear = new int[YEARS];
        int assigned = 0;
        for (int k = 0; k < YEARS; k++) { perYear[k] = (int) Math.floor(n * w[k] / sum); assigned += perYear[k]; }
        for (int k = YEARS - 1; assigned < n; k = (k + YEARS - 1) % YEARS) { perYear[k]++; assigned++; }

        Pool servicePool = new Pool(0.7, IntStream.range(0, SERVICE_DEFS.length).mapToObj(GenerateLibrary::svcName).toArray(String[]::new));
        // shuffle service popularity so it does not follow the list order
        List<String> svcOrder = new ArrayList<>(Arrays.asList(servicePool.words));
        Collections.shuffle(svcOrder, rnd);
        servicePool = new Pool(0.7, svcOrder.toArray(String[]::new));
        List<String> tagOrder = new ArrayList<>(Arrays.asList(TAGS));
        Collections.shuffle(tagOrder.subList(Math.min(10, tagOrder.size()), tagOrder.size()), rnd);
        Pool tagPool = new Pool(0.9, tagOrder.toArray(String[]::new));

        Map<String, List<Person>> byTeam = new LinkedHashMap<>();
        for (Person p : people) byTeam.computeIfAbsent(p.team(), k -> new ArrayList<>()).add(p);

        List<Incident> all = new ArrayList<>(n);
        Map<String, List<Integer>> byService = new LinkedHashMap<>();
        for (int k = 0; k < YEARS; k++) {
            int year = FIRST_YEAR + k;
            int days = LocalDate.of(year, 12, 31).getDayOfYear();
            int cnt = perYear[k];
            long[] keys = new long[cnt]; // day * 1440 + start minute
            for (int i = 0; i < cnt; i++) {
                int day = rnd.nextInt(days);
                int start = rnd.nextInt(16 * 60); // 00:00 - 15:59, so the day holds the incident
                keys[i] = (long) day * 1440 + start;
            }
            Arrays.sort(keys);
            for (int i = 0; i < cnt; i++) {
                Incident inc = new Incident();
                inc.index = all.size();
                inc.year = year;
                inc.date = LocalDate.ofYearDay(year, (int) (keys[i] / 1440) + 1);
                inc.startMin = (int) (keys[i] % 1440);
                inc.id = String.format(Locale.ROOT, "INC-%d-%05d", year, i + 1);
                fillMeta(inc, rnd, servicePool, tagPool, byTeam);
                inc.slug = slugify(inc.title); // ids keep file names unique; slugs may repeat
                // related: 0-3 earlier write-ups, preferring ones that share a service
                int nrel = inc.index == 0 ? 0 : pickCount(rnd, new double[]{0.35, 0.35, 0.2, 0.1});
                Set<Integer> rel = new LinkedHashSet<>();
                List<Integer> same = byService.get(inc.services.get(0));
                for (int tries = 0; rel.size() < Math.min(nrel, inc.index) && tries < 20; tries++) {
                    if (same != null && !same.isEmpty() && rnd.nextDouble() < 0.7) {
                        // recent ones are more likely to be cited
                        int j = same.size() - 1 - (int) (same.size() * Math.pow(rnd.nextDouble(), 2.5));
                        rel.add(same.get(Math.max(0, j)));
                    } else {
                        rel.add(rnd.nextInt(inc.index));
                    }
                }
                inc.related.addAll(rel);
                all.add(inc);
                for (String s : inc.services) byService.computeIfAbsent(s, x -> new ArrayList<>()).add(inc.index);
            }
        }
        return all;
    }

    static int pickCount(Random rnd, double[] probs) {
        double x = rnd.nextDouble();
        for (int i = 0; i < probs.length; i++) { x -= probs[i]; if (x < 0) return i; }
        return probs.length - 1;
    }

    static final String[] TITLE_T = {
        "{Svc} latency during {event}",
        "{Sym} from {svc}",
        "{Svc} outage after {cause}",
        "{Cause} breaks {svc}",
        "{Sym} in {region}",
        "{Svc} degraded by {cause}",
        "Partial {svc} outage: {sym}",
        "{Svc} and {svc2} down after {cause}",
        "{Sym} during {event}",
        "Slow {svc} after {cause}",
    };
    static final String[] EVENTS = (
        "the spring sale|Black Friday|a routine deploy|the quarterly migration|month-end billing|"
      + "a marketing campaign|the holiday peak|a database upgrade|a region evacuation drill|"
      + "the nightly batch|a certificate rotation|a traffic spike|a Monday morning|the summer launch").split("\\|");
    static final String[] VENDORS = "the cloud provider|the payment processor|the CDN vendor|the SMS provider|the email provider|the DNS provider".split("\\|");

    static void fillMeta(Incident inc, Random rnd, Pool servicePool, Pool tagPool, Map<String, List<Person>> byTeam) {
        int ns = pickCount(rnd, new double[]{0.45, 0.35, 0.2}) + 1;
        LinkedHashSet<String> svcs = new LinkedHashSet<>();
        while (svcs.size() < Math.min(ns, SERVICE_DEFS.length)) svcs.add(servicePool.pick(rnd));
        inc.services.addAll(svcs);
        inc.owner = teamOf(inc.services.get(0));
        LinkedHashSet<String> teams = new LinkedHashSet<>();
        teams.add(inc.owner);
        for (String s : inc.services) teams.add(teamOf(s));
        if (rnd.nextDouble() < 0.3) teams.add("sre");
        if (rnd.nextDouble() < 0.15) teams.add("platform");
        inc.teams.addAll(teams);

        double sv = rnd.nextDouble();
        inc.severity = sv < 0.06 ? "SEV1" : sv < 0.28 ? "SEV2" : sv < 0.72 ? "SEV3" : "SEV4";
        inc.nearMiss = rnd.nextDouble() < (inc.severity.equals("SEV4") ? 0.25 : 0.04);

        int nt = Math.min(TAGS.length, K.tagsMin + rnd.nextInt(K.tagsMax - K.tagsMin + 1));
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        while (tags.size() < nt) tags.add(tagPool.pick(rnd));
        inc.tags.addAll(tags);

        List<Person> ownerTeam = byTeam.get(inc.owner);
        LinkedHashSet<Person> authors = new LinkedHashSet<>();
        int na = rnd.nextDouble() < 0.7 ? 1 : 2;
        while (authors.size() < na) authors.add(ownerTeam.get(rnd.nextInt(ownerTeam.size())));
        inc.authors.addAll(authors);
        LinkedHashSet<Person> resp = new LinkedHashSet<>();
        int nr = 2 + rnd.nextInt(inc.severity.equals("SEV1") ? 8 : 5);
        resp.add(inc.authors.get(0));
        while (resp.size() < nr) {
            String t = inc.teams.get(rnd.nextInt(inc.teams.size()));
            List<Person> tp = byTeam.get(t);
            resp.add(tp.get(rnd.nextInt(tp.size())));
        }
        inc.responders.addAll(resp);

        // times, all on the incident's date (start is before 16:00)
        int ttd = inc.nearMiss ? rnd.nextInt(10) : rnd.nextDouble() < 0.15 ? 0 : 1 + (int) (90 * Math.pow(rnd.nextDouble(), 2));
        int ttm = 3 + (int) ((inc.nearMiss ? 30 : 200) * Math.pow(rnd.nextDouble(), 2));
        int ttr = 10 + rnd.nextInt(240);
        inc.detectMin = inc.startMin + ttd;
        inc.mitigateMin = inc.detectMin + ttm;
        inc.resolveMin = Math.min(23 * 60 + 59, inc.mitigateMin + ttr);

        inc.causeText = CAUSES.pick(rnd);
        inc.symText = SYMPTOMS.pick(rnd);
        inc.fixText = FIXES.pick(rnd);
        inc.eventText = EVENTS[rnd.nextInt(EVENTS.length)];
        String svc = inc.services.get(0);
        String svc2 = inc.services.size() > 1 ? inc.services.get(1) : svcName(rnd.nextInt(SERVICE_DEFS.length));
        String t = TITLE_T[rnd.nextInt(TITLE_T.length)];
        if (t.contains("{svc2}") && svc2.equals(svc)) t = TITLE_T[0];
        String title = t.replace("{Svc}", cap(svc)).replace("{svc}", svc).replace("{svc2}", svc2)
            .replace("{Sym}", cap(inc.symText)).replace("{sym}", inc.symText)
            .replace("{Cause}", cap(inc.causeText)).replace("{cause}", inc.causeText)
            .replace("{event}", inc.eventText).replace("{region}", REGIONS[rnd.nextInt(REGIONS.length)]);
        inc.title = title;
        int mins = inc.mitigateMin - inc.startMin;
        inc.summary = inc.nearMiss
            ? cap(inc.causeText) + " nearly caused " + inc.symText + " in " + svc + "; we caught it " + (ttd <= 1 ? "within a minute" : "after " + ttd + " minutes") + ", before customers noticed."
            : cap(inc.causeText) + " caused " + inc.symText + " in " + svc + " for " + mins + " minutes.";
    }

    static String slugify(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String[] parts = s.split("-");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (b.length() + p.length() + 1 > 48) break;
            if (b.length() > 0) b.append('-');
            b.append(p);
        }
        return b.length() == 0 ? "incident" : b.toString();
    }

    static String cap(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    static String casebookYml() {
        StringBuilder b = new StringBuilder();
        b.append("# Synthetic library written by bench/GenerateLibrary.java for the build benchmark.\n");
        b.append("title: Acme Incident Library (benchmark)\n");
        b.append("description: Synthetic write-ups used to measure build time and memory.\n");
        b.append("base_url: https://incidents.acme.example/\n");
        b.append("timezone: UTC\n");
        b.append("id_pattern: 'INC-\\d{4}-\\d{5}'\n");
        b.append("id_format: 'INC-{year}-{seq:5}'\n");
        b.append("vocabularies:\n");
        b.append("  services: [");
        for (int i = 0; i < SERVICE_DEFS.length; i++) b.append(i == 0 ? "" : ", ").append(svcName(i));
        b.append("]\n  teams:\n");
        for (String[] t : TEAM_DEFS) b.append("    ").append(t[0]).append(": ").append(yaml(t[1])).append('\n');
        b.append("  tags: [");
        for (int i = 0; i < TAGS.length; i++) b.append(i == 0 ? "" : ", ").append(TAGS[i]);
        b.append("]\n  severities: [SEV1, SEV2, SEV3, SEV4]\n");
        return b.toString();
    }

    // ------------------------------------------------------------------ body writer

    static final class Writer {
        final Random r;
        /** Decides which words become pseudo-words, and picks them; r's sequence stays the same either way. */
        final Random pseudo;
        int pseudoWords;
        final Incident inc;
        final List<Incident> all;
        final StringBuilder sb = new StringBuilder(12_000);
        long bodyWords;
        final List<Incident> linkTargets = new ArrayList<>();
        final List<Incident> mentions = new ArrayList<>();
        String p1, p2, lastP;
        int nContrib;

        Writer(Random r, Random pseudo, Incident inc, List<Incident> all) {
            this.r = r; this.pseudo = pseudo; this.inc = inc; this.all = all;
        }

        /** The word picked, or (with --vocabulary) now and then a pseudo-word in its place. */
        String w(String word) {
            if (Vocabulary.LEXICON == null || pseudo.nextDouble() >= Vocabulary.share) return word;
            pseudoWords++;
            return Vocabulary.LEXICON.pick(pseudo);
        }

        String document() {
            frontMatter();
            int bodyStart = sb.length();
            // choose 1-3 earlier write-ups to link (related ones first), and a few to mention
            if (inc.index > 0) {
                int nl = K.linksMin + r.nextInt(K.linksMax - K.linksMin + 1);
                LinkedHashSet<Integer> li = new LinkedHashSet<>(inc.related);
                for (int tries = 0; li.size() < nl && tries < Math.max(10, 3 * nl); tries++) li.add(r.nextInt(inc.index));
                List<Integer> l = new ArrayList<>(li);
                for (int i = 0; i < Math.min(nl, l.size()); i++) linkTargets.add(all.get(l.get(i)));
                for (int i = 0; i < 1 + r.nextInt(3); i++) mentions.add(all.get(r.nextInt(inc.index)));
                for (int x : inc.related) mentions.add(all.get(x));
            }
            int target = (int) Math.round(1080 * K.length) + r.nextInt(Math.max(1, (int) Math.round(600 * K.length)));
            body(target);
            bodyWords = countWords(bodyStart);
            return sb.toString();
        }

        long countWords(int from) {
            long c = 0;
            boolean in = false;
            for (int i = from; i < sb.length(); i++) {
                char ch = sb.charAt(i);
                boolean w = Character.isLetterOrDigit(ch);
                if (w && !in) c++;
                in = w || (in && (ch == '-' || ch == '\'' || ch == '_'));
            }
            return c;
        }

        // ---------------- front matter

        void frontMatter() {
            StringBuilder b = sb;
            b.append("---\n");
            b.append("id: ").append(inc.id).append('\n');
            b.append("title: ").append(yaml(inc.title)).append('\n');
            b.append("date: ").append(inc.date).append('\n');
            b.append("status: published\n");
            b.append("summary: ").append(yaml(inc.summary)).append('\n');
            b.append("severity: ").append(inc.severity).append('\n');
            b.append("owner: ").append(inc.owner).append('\n');
            list("teams", inc.teams, false);
            list("services", inc.services, false);
            list("authors", names(inc.authors), false);
            list("responders", names(inc.responders), r.nextDouble() < 0.25);
            list("tags", inc.tags, r.nextDouble() < 0.15);
            b.append("started: ").append(ts(inc.startMin)).append('\n');
            b.append("detected: ").append(ts(inc.detectMin)).append('\n');
            b.append("mitigated: ").append(ts(inc.mitigateMin)).append('\n');
            b.append("resolved: ").append(ts(inc.resolveMin)).append('\n');
            b.append("near_miss: ").append(inc.nearMiss).append('\n');
            List<String> rel = new ArrayList<>();
            for (int x : inc.related) rel.add(all.get(x).id);
            list("related", rel, false);
            b.append("---\n\n");
        }

        List<String> names(List<Person> ps) {
            List<String> l = new ArrayList<>();
            for (Person p : ps) l.add(p.name());
            return l;
        }

        void list(String key, List<String> items, boolean block) {
            sb.append(key).append(':');
            if (block && !items.isEmpty()) {
                sb.append('\n');
                for (String s : items) sb.append("  - ").append(yaml(s)).append('\n');
            } else {
                sb.append(" [");
                for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ", ").append(yaml(items.get(i)));
                sb.append("]\n");
            }
        }

        String ts(int min) {
            return inc.date + "T" + hhmm(min) + ":00Z";
        }

        // ---------------- body

        void body(int target) {
            p1 = person();
            p2 = person();
            int[] budget = {
                (int) (target * 0.27), (int) (target * 0.10), (int) (target * 0.17),
                (int) (target * 0.10), (int) (target * 0.14), (int) (target * 0.14),
            };
            List<Incident> links = new ArrayList<>(linkTargets);
            // spread in-body links across sections
            int[] linkSection = new int[links.size()];
            for (int i = 0; i < links.size(); i++) linkSection[i] = new int[]{0, 2, 5}[r.nextInt(3)];
            int codeSection = new int[]{0, 2, 4}[r.nextInt(3)];
            if (K.codeBlocks == 0) codeSection = -1;
            boolean footnote = r.nextDouble() < 0.15;

            h2("What happened");
            paragraph(T_OPEN[r.nextInt(T_OPEN.length)], T_STORY, 4 + r.nextInt(3));
            int written = 0;
            while (written < budget[0]) {
                int before = sb.length();
                paragraph(null, T_STORY, 3 + r.nextInt(4));
                written += (sb.length() - before) / 6;
                if (codeSection == 0 && written > budget[0] / 2) { code(); codeSection = -1; }
            }
            linksFor(0, links, linkSection);
            if (inc.nearMiss) {
                sb.append(fill("> **Near miss.** Customers were not affected: we caught it {ttd} after it started.")).append("\n\n");
            }

            extras(0);

            h2("Timeline");
            timeline(budget[1]);

            h2("What made it difficult");
            fillSection(T_DIFFICULT, budget[2], codeSection == 2);
            linksFor(2, links, linkSection);

            h2("Red herrings");
            int nh = 2 + r.nextInt(3);
            List<String> hs = new ArrayList<>(Arrays.asList(T_HERRING));
            Collections.shuffle(hs, r);
            for (int i = 0; i < nh; i++) {
                sb.append("- ").append(fill(hs.get(i)));
                if (r.nextBoolean()) sb.append(' ').append(sentence(T_STORY));
                sb.append('\n');
            }
            sb.append('\n');
            extras(1);

            h2("Contributors");
            nContrib = 3 + r.nextInt(3);
            int nc = nContrib;
            sb.append(fill(pick(new String[]{
                "Several conditions had to line up for this to happen. None of them was the root cause on its own.",
                "There was no single root cause. These are the conditions that together made the incident possible.",
                "We found {ncontrib} contributors. Removing any one of them would have made the incident smaller.",
            }))).append("\n\n");
            List<String> cs = new ArrayList<>(Arrays.asList(T_CONTRIB));
            Collections.shuffle(cs, r);
            for (int i = 0; i < nc; i++) {
                sb.append("- ").append(fill(cs.get(i))).append(' ').append(sentence(T_STORY)).append('\n');
            }
            sb.append('\n');
            if (codeSection == 4) code();

            h2("What we learned");
            fillSection(T_LEARNED, budget[5], false);
            if (!mentions.isEmpty()) {
                Incident m = mentions.get(r.nextInt(mentions.size()));
                sb.append(fill(pick(new String[]{
                    "This is the {word}th time this kind of {n} has come up; " + m.id + " was the last one we wrote up.",
                    "Compare " + m.id + ", where the same {tech} was involved but the {n} was caught earlier.",
                    "Anyone reading this should also read " + m.id + ", which covers the {tech} in more detail.",
                }))).append("\n\n");
            }
            linksFor(5, links, linkSection);
            extras(2);

            h2("Follow-ups");
            int nf = 3 + r.nextInt(4);
            List<String> fs = new ArrayList<>(Arrays.asList(T_FOLLOW));
            Collections.shuffle(fs, r);
            for (int i = 0; i < nf; i++) {
                boolean done = r.nextDouble() < 0.55;
                sb.append("- [").append(done ? 'x' : ' ').append("] ").append(fill(fs.get(i)))
                  .append(" ([").append(ticket()).append("](https://tracker.acme.example/browse/")
                  .append(lastTicket).append("))");
                if (done && r.nextDouble() < 0.2) sb.append(" ~~by the end of the quarter~~ done early");
                sb.append('\n');
            }
            sb.append('\n');
            if (footnote) {
                sb.append("The numbers above come from the `").append(metric())
                  .append("` series[^1].\n\n[^1]: Sampled at one-minute resolution; the raw data is kept for 30 days.\n");
            }
        }

        /** The tables and code blocks beyond the first (--tables, --code-blocks), spread over three places. */
        void extras(int place) {
            for (int i = 1; i < K.tables; i++) if (i % 3 == place) table(i);
            for (int i = 1; i < K.codeBlocks; i++) if (i % 3 == place) code();
        }

        void table(int kind) {
            if (kind % 2 == 1) {
                sb.append(fill("Impact by region, as the `{metric}` series shows it:")).append("\n\n");
                sb.append("| Region | Requests failed | p99 latency (ms) | Worst minute (UTC) |\n|---|---:|---:|---|\n");
                List<String> regions = new ArrayList<>(Arrays.asList(REGIONS));
                Collections.shuffle(regions, r);
                for (String region : regions.subList(0, 3 + r.nextInt(4))) {
                    sb.append("| ").append(region).append(" | ").append(r.nextInt(200_000)).append(" | ")
                      .append(100 + r.nextInt(9000)).append(" | ")
                      .append(hhmm(inc.startMin + r.nextInt(Math.max(1, inc.mitigateMin - inc.startMin + 1)))).append(" |\n");
                }
            } else {
                sb.append("| Signal | Where we saw it | Useful? |\n|---|---|---|\n");
                for (int i = 0; i < 3 + r.nextInt(4); i++) {
                    sb.append("| `").append(metric()).append("` | ").append(fill("the {svc} dashboard, {adj} {n}"))
                      .append(" | ").append(pick(new String[]{"yes", "no", "late", "only in hindsight"})).append(" |\n");
                }
            }
            sb.append('\n');
        }

        void fillSection(String[] own, int budget, boolean withCode) {
            int written = 0;
            boolean codeDone = !withCode;
            while (written < budget) {
                int before = sb.length();
                int k = 3 + r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    sb.append(sentence(r.nextDouble() < 0.75 ? own : T_STORY)).append(i == k - 1 ? "" : " ");
                }
                sb.append("\n\n");
                written += (sb.length() - before) / 6;
                if (!codeDone && written > budget / 2) { code(); codeDone = true; }
            }
            if (!codeDone) code();
        }

        void linksFor(int section, List<Incident> links, int[] linkSection) {
            for (int i = 0; i < links.size(); i++) {
                if (linkSection[i] != section) continue;
                Incident o = links.get(i);
                String href = "../" + o.relPath();
                String text = o.title.substring(0, 1).toLowerCase(Locale.ROOT) + o.title.substring(1);
                String t = pick(new String[]{
                    "This looked a lot like [" + text + "](" + href + ") from " + o.date.getYear() + ", and for a while we assumed it was the same problem.",
                    "We had seen something similar before: [" + o.id + "](" + href + ") also involved {svc} and a {adj} {tech}.",
                    "The follow-ups from [the " + o.date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + o.date.getYear() + " incident](" + href + ") helped here; without them the {n} would have lasted longer.",
                    "See [" + o.id + ": " + o.title + "](" + href + ") for the history of the {tech}.",
                });
                sb.append(fill(t)).append("\n\n");
            }
        }

        void timeline(int budget) {
            if (K.tables > 0) sb.append("| Time (UTC) | What happened |\n|---|---|\n");
            int rows = Math.max(6, Math.min(16, budget / 10));
            int span = Math.max(1, inc.resolveMin - inc.startMin);
            int[] times = new int[rows];
            for (int i = 0; i < rows; i++) times[i] = inc.startMin + r.nextInt(span + 1);
            Arrays.sort(times);
            row(inc.startMin, pick(new String[]{
                "{Cause_} reaches production.", "Deploy of {svc} " + version() + " starts rolling out.",
                "First errors from {svc} in the logs.", "{Cause_} begins."}));
            boolean detected = false, mitigated = false;
            for (int t : times) {
                if (!detected && t >= inc.detectMin) { row(inc.detectMin, "`{alert}` fires and pages {P}."); detected = true; }
                if (!mitigated && t >= inc.mitigateMin) { row(inc.mitigateMin, "{P} {fix}; {metric_} back to normal."); mitigated = true; }
                String ev = fresh(t < inc.detectMin ? T_EVENT_BEFORE : t < inc.mitigateMin ? T_EVENT : T_EVENT_AFTER);
                if (ev != null) row(t, ev);
            }
            if (!detected) row(inc.detectMin, "`{alert}` fires and pages {P}.");
            if (!mitigated) row(inc.mitigateMin, "{P} {fix}; {metric_} back to normal.");
            row(inc.resolveMin, "Incident resolved; {P} starts the write-up.");
            sb.append('\n');
        }

        void row(int min, String t) {
            if (K.tables > 0) sb.append("| ").append(hhmm(min)).append(" | ").append(fill(t)).append(" |\n");
            else sb.append("- **").append(hhmm(min)).append("** ").append(fill(t)).append('\n');
        }

        void code() {
            int k = r.nextInt(6);
            String svc = svc();
            String host = host(svc);
            switch (k) {
                case 0 -> {
                    sb.append("```text\n");
                    int s = inc.startMin * 60 + r.nextInt(600);
                    for (int i = 0; i < 4 + r.nextInt(5); i++) {
                        s += 1 + r.nextInt(40);
                        sb.append(inc.date).append('T').append(hhmmss(s)).append('.').append(String.format(Locale.ROOT, "%03d", r.nextInt(1000)))
                          .append("Z ").append(r.nextDouble() < 0.7 ? "ERROR" : "WARN ").append(" [").append(host).append("] ")
                          .append(pkg(svc)).append(" - ").append(err()).append(" after ").append(100 * (1 + r.nextInt(50)))
                          .append("ms (attempt ").append(1 + r.nextInt(5)).append(")\n");
                    }
                    sb.append("```\n\n");
                }
                case 1 -> {
                    String tbl = pick(new String[]{"orders", "payments", "sessions", "inventory_items", "events", "invoices", "users"});
                    sb.append("```sql\nSELECT ").append(tbl, 0, Math.min(4, tbl.length())).append("_id, status, updated_at\n  FROM ")
                      .append(tbl).append("\n WHERE updated_at > now() - interval '").append(5 + r.nextInt(55))
                      .append(" minutes'\n   AND status = '").append(pick(new String[]{"pending", "failed", "retrying", "stuck"}))
                      .append("'\n ORDER BY updated_at DESC\n LIMIT ").append(100 * (1 + r.nextInt(10))).append(";\n```\n\n");
                }
                case 2 -> {
                    int old = 10 * (5 + r.nextInt(40));
                    sb.append("```yaml\n# ").append(svc).append("/config/production.yaml\n").append(cfgKeySnake()).append(":\n")
                      .append("  max_size: ").append(old / 4).append("   # was ").append(old).append('\n')
                      .append("  idle_timeout: ").append(10 * (1 + r.nextInt(12))).append("s\n")
                      .append("  retries: ").append(r.nextInt(6)).append('\n')
                      .append("  backoff: exponential\n```\n\n");
                }
                case 3 -> {
                    sb.append("```bash\nkubectl -n ").append(svc).append(" rollout undo deployment/").append(svc)
                      .append("\nkubectl -n ").append(svc).append(" get pods -l app=").append(svc)
                      .append(" --sort-by=.status.startTime | tail -").append(5 + r.nextInt(10))
                      .append("\ncurl -s https://").append(svc).append(".internal.acme.example/healthz | jq .\n```\n\n");
                }
                case 4 -> {
                    int a = 50 * (1 + r.nextInt(20)), b = a / (2 + r.nextInt(4));
                    String key = cfgKey();
                    sb.append("```diff\n-  ").append(key).append(": ").append(a).append("\n+  ").append(key).append(": ").append(b)
                      .append("\n   ").append(cfgKey()).append(": ").append(r.nextInt(100)).append("\n```\n\n");
                }
                default -> {
                    sb.append("```json\n{\n  \"service\": \"").append(svc).append("\",\n  \"host\": \"").append(host)
                      .append("\",\n  \"error\": \"").append(err()).append("\",\n  \"status\": ").append(pick(new String[]{"500", "502", "503", "504", "429"}))
                      .append(",\n  \"duration_ms\": ").append(r.nextInt(30000)).append(",\n  \"trace_id\": \"")
                      .append(Long.toHexString(r.nextLong() | Long.MIN_VALUE)).append("\"\n}\n```\n\n");
                }
            }
        }

        void h2(String s) { sb.append("## ").append(s).append("\n\n"); }

        void paragraph(String first, String[] pool, int sentences) {
            if (first != null) sb.append(fill(first)).append(' ');
            for (int i = 0; i < sentences; i++) {
                sb.append(sentence(pool));
                sb.append(i == sentences - 1 ? "" : " ");
            }
            // a little extra emphasis or an external link now and then
            double x = r.nextDouble();
            if (x < 0.12) sb.append(" The [").append(svc()).append(" runbook](https://wiki.acme.example/runbooks/").append(svc())
                .append(") says to ").append(VBASE.pick(r)).append(" the ").append(TECH.pick(r)).append(" first.");
            else if (x < 0.22) sb.append(" *That* was the part nobody had ").append(VPAST.pick(r)).append('.');
            sb.append("\n\n");
        }

        String pick(String[] a) { return a[r.nextInt(a.length)]; }

        final java.util.IdentityHashMap<String, Boolean> usedTemplates = new java.util.IdentityHashMap<>();

        /** A template not yet used in this document, if one turns up within a few tries. */
        String fresh(String[] a) {
            String t = a[r.nextInt(a.length)];
            for (int i = 0; i < 8 && usedTemplates.containsKey(t); i++) t = a[r.nextInt(a.length)];
            if (usedTemplates.containsKey(t)) return null;
            usedTemplates.put(t, Boolean.TRUE);
            return t;
        }

        /** Mostly a fresh section template, otherwise a sentence from the clause grammar. */
        String sentence(String[] pool) {
            String t = r.nextDouble() < 0.6 ? fresh(pool) : null;
            return t != null ? fill(t) : generic();
        }

        static final String[] OPENERS = {
            "At {t1} UTC, ", "Later, ", "Meanwhile, ", "In hindsight, ", "For a while, ", "Around the same time, ",
            "Once the {n} was {adj}, ", "Because the {n} looked {adj}, ", "While {P} {vp} the {tech}, ",
            "Looking back, ", "To be fair, ", "Oddly, ", "By then, ", "Within {num} minutes, ", "After the {rn}, ",
            "As usual, ", "Unlike last time, ", "", "", "", "",
        };
        static final String[] SUBJECTS = {
            "{P}", "the {team} team", "the on-call engineer", "the {adj} {n}", "{svc}", "we", "nobody", "the incident commander",
            "the {tech}", "someone from {team2}", "our {n}", "the {ns} on `{host}`", "{P2}", "the {adj} {tech}",
        };
        static final String[] OBJECTS = {
            "the {adj} {n}", "the {tech}", "the {n} in {svc}", "every {n} in {region}", "a {adj} {n}", "the {n} behind the {tech}",
            "the {ns}", "the `{metric}` graph", "{svcx}", "the {adj} {ns} of {svcx}", "its own {n}", "the {n} for {svc}",
        };
        static final String[] TAILS = {
            ".", ".", ".", ".", " on `{host}`.", " in {region}.", " for {num} minutes.", " without a {n}.", " behind the {tech}.",
            " during {event}.", " after the {n}.", " through the {tech}.", ", which {adv} made the {n} {adj}.",
            ", but the {ns} stayed {adj}.", " and nobody questioned it.", ", like a {rn} in a {rn2}.", ", which felt {ran} at the time.",
            " before anyone had {vp} the {n}.", ", a {ran} {rn} of a problem.", ". It was {ran} work.", " while the {ns} kept {ving}.", ", and the {n} became {adj}.",
        };

        String generic() {
            String o = pick(OPENERS), sub = pick(SUBJECTS);
            if (o.isEmpty()) sub = cap(sub);
            String verb = r.nextDouble() < 0.2 ? ADVS.pick(r) + " " + VPAST.pick(r) : VPAST.pick(r);
            return cap(fill(o + sub + " " + verb + " " + pick(OBJECTS) + pick(TAILS)));
        }

        String person() {
            return inc.responders.get(r.nextInt(inc.responders.size())).name();
        }

        String svc() { return inc.services.get(r.nextInt(inc.services.size())); }

        String svcx() {
            return r.nextDouble() < 0.5 && inc.services.size() > 1 ? inc.services.get(1 + r.nextInt(inc.services.size() - 1))
                : svcName(r.nextInt(SERVICE_DEFS.length));
        }

        String team2() {
            return inc.teams.size() > 1 ? inc.teams.get(1 + r.nextInt(inc.teams.size() - 1))
                : TEAM_DEFS[r.nextInt(TEAM_DEFS.length)][0];
        }

        String host() { return host(svc()); }

        String host(String svc) {
            return svc + "-" + HOST_ROLES[r.nextInt(HOST_ROLES.length)] + "-" + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(24));
        }

        String metric() {
            return svc().replace('-', '_') + "_" + METRIC_SUFFIX[r.nextInt(METRIC_SUFFIX.length)];
        }

        String cfgKey() {
            String a = CFG_PARTS[r.nextInt(CFG_PARTS.length)], b = CFG_PARTS[r.nextInt(CFG_PARTS.length)];
            return a + cap(b) + (r.nextBoolean() ? "Ms" : "");
        }

        String cfgKeySnake() {
            return CFG_PARTS[r.nextInt(CFG_PARTS.length)] + "_" + CFG_PARTS[r.nextInt(CFG_PARTS.length)];
        }

        String err() {
            return EXC[r.nextInt(EXC.length)];
        }

        String pkg(String svc) {
            return "com.acme." + svc.replace("-", "") + "." + cap(NOUNS.pick(r).replace("-", "")) + "Client";
        }

        String version() {
            return "v" + (1 + r.nextInt(9)) + "." + r.nextInt(40) + "." + r.nextInt(20);
        }

        String lastTicket;

        String ticket() {
            String[] proj = {"OPS", "SRE", "PAY", "PLAT", "SRCH", "DATA", "NET", "ID"};
            lastTicket = proj[r.nextInt(proj.length)] + "-" + (100 + r.nextInt(9900));
            return lastTicket;
        }

        String alert() {
            String s = svc();
            StringBuilder b = new StringBuilder();
            for (String p : s.split("-")) b.append(cap(p));
            return b + pick(new String[]{"HighErrorRate", "HighLatency", "PoolSaturated", "QueueBacklog", "ConsumerLag", "Down", "SLOBurn"});
        }

        String fill(String t) {
            StringBuilder out = new StringBuilder(t.length() + 64);
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c != '{') { out.append(c); i++; continue; }
                int j = t.indexOf('}', i);
                out.append(slot(t.substring(i + 1, j)));
                i = j + 1;
            }
            // "a" before a vowel sound -> "an" (good enough for this vocabulary)
            for (int k = 0; k + 2 < out.length(); k++) {
                char a = out.charAt(k);
                if ((a == 'a' || a == 'A') && out.charAt(k + 1) == ' ' && (k == 0 || out.charAt(k - 1) == ' ')
                    && "aeiouAEIOU".indexOf(out.charAt(k + 2)) >= 0
                    && !(at(out, k + 2, "uni") || at(out, k + 2, "use") || at(out, k + 2, "one"))) {
                    out.insert(k + 1, 'n');
                }
            }
            return out.toString();
        }

        String slot(String k) {
            switch (k) {
                case "svc": return svc();
                case "svcx": return svcx();
                case "team": return inc.owner;
                case "team2": return team2();
                case "P": return lastP = (r.nextDouble() < 0.5 ? p1 : person());
                case "P2": {
                    String q = p2;
                    for (int i = 0; i < 6 && q.equals(lastP); i++) q = person();
                    return q;
                }
                case "n": case "n2": return w(NOUNS.pick(r));
                case "rn": case "rn2": return w(RARE_NOUNS.pick(r));
                case "ran": return w(RARE_ADJS.pick(r));
                case "ving": return ing(VBASE.pick(r));
                case "ncontrib": return WORDS_SMALL[nContrib - 2];
                case "ns": return w(plural(NOUNS.pick(r)));
                case "adj": case "adj2": return w(r.nextDouble() < 0.08 ? RARE_ADJS.pick(r) : ADJS.pick(r));
                case "adv": return ADVS.pick(r);
                case "vp": return VPAST.pick(r);
                case "vb": return VBASE.pick(r);
                case "VB": return cap(VBASE.pick(r));
                case "vping": return ing(VBASE.pick(r));
                case "tech": return w(TECH.pick(r));
                case "sym": return r.nextDouble() < 0.6 ? inc.symText : SYMPTOMS.pick(r);
                case "cause": return r.nextDouble() < 0.7 ? inc.causeText : CAUSES.pick(r);
                case "Cause_": return cap(inc.causeText);
                case "fix": return inc.fixText;
                case "metric": return metric();
                case "metric_": return "`" + metric() + "`";
                case "host": return host();
                case "cfg": return "`" + cfgKey() + "`";
                case "err": return "`" + err() + "`";
                case "alert": return alert();
                case "chan": return "#inc-" + inc.id.toLowerCase(Locale.ROOT).substring(4);
                case "region": return REGIONS[r.nextInt(REGIONS.length)];
                case "num": return Integer.toString(2 + r.nextInt(40));
                case "word": return WORDS_SMALL[r.nextInt(WORDS_SMALL.length)];
                case "pct": return Integer.toString(1 + r.nextInt(99));
                case "mins": return Integer.toString(Math.max(1, inc.mitigateMin - inc.startMin));
                case "ttd": {
                    int d = inc.detectMin - inc.startMin;
                    return d == 0 ? "less than a minute" : d == 1 ? "a minute" : d + " minutes";
                }
                case "t0": return hhmm(inc.startMin);
                case "t1": return hhmm(inc.detectMin);
                case "t2": return hhmm(inc.mitigateMin);
                case "t3": return hhmm(inc.resolveMin);
                case "weekday": return inc.date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case "datelong": return inc.date.getDayOfMonth() + " " + inc.date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + inc.year;
                case "yearago": return Integer.toString(inc.year - 1 - r.nextInt(3));
                case "event": return inc.eventText;
                case "vendor": return VENDORS[r.nextInt(VENDORS.length)];
                case "sev": return inc.severity;
                case "ver": return version();
                default: throw new IllegalArgumentException("unknown slot {" + k + "}");
            }
        }
    }

    // ------------------------------------------------------------------ vocabulary

    /**
     * Pseudo-words, for --vocabulary W: W distinct words per 2,000 write-ups. A word is a run of letters,
     * digits and '_', lowercased, in the whole file (front matter and body). The built-in text has about
     * 13,500 of them per 2,000 write-ups; the rest are pseudo-words (pronounceable, made from syllables),
     * put in place of nouns, adjectives and technical terms, and picked with a Zipf frequency (the k-th
     * word has weight 1/k), as words are in real text. How many pseudo-words the lexicon needs is worked
     * out on a model library of 2,000 write-ups: which words are replaced does not depend on the
     * lexicon, so the model gives the built-in words that remain and the number of pseudo-words drawn,
     * and the lexicon's size is the one whose expected number of distinct draws makes up the rest.
     */
    static final class Vocabulary {
        static final int WINDOW = 2_000;
        static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]+");
        static Pool LEXICON;
        static double share;

        static void addWords(String text, Set<String> into) {
            var m = WORD.matcher(text);
            Set<String> local = new java.util.HashSet<>();
            while (m.find()) local.add(m.group().toLowerCase(Locale.ROOT));
            into.addAll(local);
        }

        static void calibrate(long seed, int target) {
            Random rnd = new Random(seed);
            List<Person> people = makePeople(rnd);
            List<Incident> model = makeIncidents(WINDOW, rnd, people);
            // Words replaced: a share that makes room for the words asked for, with draws to spare
            // (three and a half draws per distinct pseudo-word), so that frequent ones repeat as in real
            // text. A write-up has about 140 words that can be replaced.
            int extra = Math.max(0, target - 13_500);
            share = Math.min(0.7, Math.max(0.02, 3.5 * extra / (WINDOW * 140.0)));
            String marker = "zzmarkerzz";
            LEXICON = new Pool(1.0, new String[]{marker});
            Set<String> base = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicLong draws = new AtomicLong();
            IntStream.range(0, WINDOW).parallel().forEach(i ->
                addWords(writeUp(seed, i, model, w -> draws.addAndGet(w.pseudoWords)), base));
            base.remove(marker);
            long m = draws.get();
            int needed = target - base.size();
            if (needed <= 0) {
                throw new IllegalArgumentException("--vocabulary " + target + " is below what the text has without pseudo-words ("
                    + base.size() + " distinct words per " + WINDOW + " write-ups); ask for more, or 0");
            }
            if (needed >= m) {
                throw new IllegalArgumentException("--vocabulary " + target + " is more than the text can hold (" + base.size()
                    + " built-in words, " + m + " pseudo-word draws)");
            }
            int lo = 1, hi = 1;
            while (expectedDistinct(hi, m) < needed) {
                if (hi > 4_000_000) {
                    throw new IllegalArgumentException("--vocabulary " + target + " is more than the text can hold (" + base.size()
                        + " built-in words, " + m + " pseudo-word draws)");
                }
                hi *= 2;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (expectedDistinct(mid, m) < needed) lo = mid + 1; else hi = mid;
            }
            LEXICON = new Pool(1.0, lexicon(seed, lo, base));
            System.err.printf(Locale.ROOT, "vocabulary: %d built-in words per %d write-ups, %d pseudo-word draws (%.0f%% of the"
                + " replaceable words), a lexicon of %d pseudo-words for %d more%n", base.size(), WINDOW, m, share * 100, lo, needed);
        }

        /** Expected number of distinct words in m draws from a Zipf (s = 1) lexicon of size l. */
        static double expectedDistinct(int l, long m) {
            double h = 0;
            for (int k = 1; k <= l; k++) h += 1.0 / k;
            double e = 0;
            for (int k = 1; k <= l; k++) e += -Math.expm1(m * Math.log1p(-1.0 / (k * h)));
            return e;
        }

        static final String[] ONSETS = "b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr sh ch th sk sp".split(" ");
        static final String[] VOWELS = "a e i o u a e i o ai ea ou io".split(" ");
        static final String[] CODAS = ",,,n,r,s,l,m,t,x,nd,rt,st,ng".split(",", -1);

        /** l distinct pseudo-words, none of them a built-in word; frequent ones (low ranks) are shorter. */
        static String[] lexicon(long seed, int l, Set<String> taken) {
            Random r = new Random(seed * 0x2545F4914F6CDD1DL + 11);
            Set<String> made = new LinkedHashSet<>();
            while (made.size() < l) {
                int rank = made.size();
                int syllables = (rank < 300 ? 1 : rank < 6_000 ? 2 : 3) + (r.nextInt(3) == 0 ? 1 : 0);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < syllables; i++) {
                    b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
                    if (i == syllables - 1 || r.nextInt(3) == 0) b.append(CODAS[r.nextInt(CODAS.length)]);
                }
                String word = b.toString();
                if (word.length() >= 3 && !taken.contains(word)) made.add(word);
            }
            return made.toArray(String[]::new);
        }
    }

    // ------------------------------------------------------------------ design documents

    record DesignDoc(String fileName, String text) {
        static final String[] STATUSES = {"accepted", "accepted", "accepted", "accepted", "proposed", "superseded"};
        static final String[] CITE = {
            "In {id} the {tech} in {svc} failed {adv}, and nothing warned us.",
            "[{title}]({id}) showed the same {n} from the other side.",
            "See [the {month} incident](../incidents/{path}) for how the {tech} behaved under load.",
            "{id} is the clearest case: {sym} for {mins} minutes.",
            "As [{id}](../incidents/{path}) showed, a {adj} {n} is enough to start it.",
            "We counted the {n} again after {id}, and it had grown.",
        };

        /** Design document d: cites --design-citations write-ups, some of them far more often cited than others. */
        static DesignDoc write(long seed, int d, List<Incident> all, List<Person> people) {
            Random rd = new Random(seed * 0x9FB21C651E98DF25L + (d + 1) * 0xC13FA9A902A6328FL);
            int c = Math.min(K.designCitations, all.size());
            LinkedHashSet<Integer> cited = new LinkedHashSet<>();
            while (cited.size() < c) {
                // half from a few popular write-ups (a fixed spread over the library), half at random
                int i = rd.nextBoolean()
                    ? (int) ((long) (all.size() * Math.pow(rd.nextDouble(), 3)) * 7919 % all.size())
                    : rd.nextInt(all.size());
                cited.add(i);
            }
            List<Incident> cites = new ArrayList<>();
            for (int i : cited) cites.add(all.get(i));
            Incident context = cites.get(0);
            Writer w = new Writer(rd, new Random(rd.nextLong()), context, all);
            w.p1 = w.person();
            w.p2 = w.person();
            LocalDate date = cites.stream().map(x -> x.date).max(LocalDate::compareTo).orElseThrow().plusDays(1 + rd.nextInt(90));
            String title = String.format(Locale.ROOT, "ADR %04d: %s the %s in %s", d + 1,
                cap(VBASE.pick(rd)), TECH.pick(rd), context.services.get(0));
            StringBuilder b = new StringBuilder(6_000);
            b.append("---\ntitle: ").append(yaml(title)).append('\n');
            b.append("status: ").append(STATUSES[rd.nextInt(STATUSES.length)]).append('\n');
            b.append("authors: [").append(people.get(rd.nextInt(people.size())).name());
            if (rd.nextBoolean()) b.append(", ").append(people.get(rd.nextInt(people.size())).name());
            b.append("]\ndate: ").append(date).append("\n---\n\n## Context\n\n");
            for (int i = 0; i < cites.size(); i++) {
                Incident x = cites.get(i);
                String t = CITE[rd.nextInt(CITE.length)].replace("{id}", x.id).replace("{title}", x.title.replace("]", ""))
                    .replace("{path}", x.relPath())
                    .replace("{month}", x.date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + x.year);
                b.append(w.fill(t)).append(' ').append(w.generic()).append(i % 3 == 2 || i == cites.size() - 1 ? "\n\n" : " ");
            }
            b.append("## Decision\n\n");
            for (int i = 0; i < 3 + rd.nextInt(3); i++) b.append("- ").append(w.fill(T_FOLLOW[rd.nextInt(T_FOLLOW.length)])).append(".\n");
            b.append("\n## Consequences\n\n");
            for (int i = 0; i < 2 + rd.nextInt(2); i++) {
                for (int j = 0; j < 3; j++) b.append(w.fill(T_LEARNED[rd.nextInt(T_LEARNED.length)])).append(j == 2 ? "\n\n" : " ");
            }
            String file = String.format(Locale.ROOT, "%04d-%s.md", d + 1, slugify(title));
            return new DesignDoc(file, b.toString());
        }
    }

    static boolean at(CharSequence s, int i, String w) {
        if (i + w.length() > s.length()) return false;
        for (int k = 0; k < w.length(); k++) if (Character.toLowerCase(s.charAt(i + k)) != w.charAt(k)) return false;
        return true;
    }

    static String plural(String n) {
        if (n.endsWith("s") || n.endsWith("x") || n.endsWith("ch") || n.endsWith("sh")) return n + "es";
        if (n.endsWith("y") && n.length() > 1 && "aeiou".indexOf(n.charAt(n.length() - 2)) < 0) return n.substring(0, n.length() - 1) + "ies";
        return n + "s";
    }

    static String ing(String v) {
        int sp = v.indexOf(' ');
        String head = sp < 0 ? v : v.substring(0, sp), tail = sp < 0 ? "" : v.substring(sp);
        if (head.endsWith("e") && !head.endsWith("ee")) head = head.substring(0, head.length() - 1);
        else if (head.matches(".*[^aeiou][aeiou][bdgmnpt]") && head.length() <= 4) head = head + head.charAt(head.length() - 1);
        return head + "ing" + tail;
    }

    static String hhmm(int min) {
        return String.format(Locale.ROOT, "%02d:%02d", min / 60, min % 60);
    }

    static String hhmmss(int sec) {
        sec = Math.min(sec, 24 * 3600 - 1);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", sec / 3600, (sec / 60) % 60, sec % 60);
    }

    /** Plain YAML scalar if safe, else a double-quoted one. */
    static String yaml(String s) {
        boolean plain = !s.isEmpty()
            && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0
            && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
            && !s.contains(",") && !s.contains("[") && !s.contains("]") && !s.contains("{") && !s.contains("}")
            && s.equals(s.trim())
            && !s.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:eE+-]*");
        if (plain) return s;
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Words picked with Zipf-like frequencies: the k-th word has weight 1/(k+1)^s. */
    static final class Pool {
        final String[] words;
        final double[] cdf;

        Pool(double s, String[] words) {
            this.words = words;
            this.cdf = new double[words.length];
            double acc = 0;
            for (int k = 0; k < words.length; k++) { acc += 1.0 / Math.pow(k + 1, s); cdf[k] = acc; }
            for (int k = 0; k < words.length; k++) cdf[k] /= acc;
        }

        String pick(Random r) {
            int i = Arrays.binarySearch(cdf, r.nextDouble());
            if (i < 0) i = -i - 1;
            return words[Math.min(i, words.length - 1)];
        }
    }
}
