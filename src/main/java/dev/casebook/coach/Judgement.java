package dev.casebook.coach;

import java.util.Set;

/** Words that tell a judgement of people from a statement about systems. */
final class Judgement {
  private Judgement() {}

  /** Words that make the subject of a clause a person or a group of people. */
  static final Set<String> PEOPLE = Judgement.words("we", "i", "you", "he", "she", "they", "someone", "somebody", "nobody", "anyone",
      "everyone", "engineer", "engineers", "operator", "operators", "on-call", "oncall", "on-caller", "responder", "responders",
      "developer", "developers", "dev", "devs", "team", "teams", "author", "authors", "reviewer", "reviewers", "sre", "sres",
      "admin", "admins", "administrator", "administrators", "person", "people", "staff", "us", "human", "humans", "manager",
      "managers", "lead", "employee", "employees", "contractor", "contractors", "colleague", "colleagues", "one", "ic",
      "commander", "analyst", "analysts", "technician", "technicians", "owner", "owners", "him", "her", "them", "who");

  /**
   * What only people do (or fail to do): a counterfactual with one of these judges a person
   * whoever the subject is, e.g. "should have noticed", "failed to escalate".
   */
  static final Set<String> PERSON_ACTIONS = Judgement.words("notice", "noticed", "check", "checked", "double-check", "double-checked",
      "escalate", "escalated", "communicate", "communicated", "consider", "considered", "realise", "realised", "realize",
      "realized", "review", "reviewed", "ask", "asked", "page", "paged", "follow", "followed", "know", "known", "knew",
      "verify", "verified", "spot", "spotted", "look", "looked", "read", "anticipate", "anticipated", "foresee", "foreseen",
      "investigate", "investigated", "document", "documented", "acknowledge", "acknowledged", "pay", "paid", "think",
      "thought", "test", "tested", "catch", "caught", "recognise", "recognised", "recognize", "recognized", "question",
      "questioned", "inform", "informed", "tell", "told", "notify", "notified", "consult", "consulted", "heed", "heeded",
      "insist", "insisted", "confirm", "confirmed", "validate", "validated", "understand", "understood",
      "plan", "planned", "coordinate", "coordinated", "warn", "warned", "remember", "remembered", "predict", "predicted",
      "analyze", "analyse", "analyzed", "analysed", "helped");

  /** What people (or systems) do: a counterfactual with one of these judges only when a person is the subject. */
  static final Set<String> ACTIONS = Judgement.words("roll", "rolled", "revert", "reverted", "act", "acted", "respond", "responded",
      "stop", "stopped", "pause", "paused", "prevent", "prevented", "avoid", "avoided", "fix", "fixed", "run", "ran",
      "update", "updated", "monitor", "monitored", "wait", "waited", "deploy", "deployed", "push", "pushed", "merge",
      "merged", "use", "used", "apply", "applied", "do", "done", "did", "make", "made", "set", "add", "added", "remove",
      "removed", "delete", "deleted", "restart", "restarted", "declare", "declared", "call", "called", "raise", "raised",
      "flag", "flagged", "detect", "detected", "mitigate", "mitigated", "handle", "handled", "escalate", "intervene",
      "intervened", "disable", "disabled", "enable", "enabled", "switch", "switched", "fail", "failed", "move", "moved",
      "start", "started", "begin", "begun", "taken", "take", "took", "gone", "go", "be", "included", "include", "written",
      "write", "wrote", "caught", "reached", "reach", "contacted", "contact", "kept", "keep", "shipped", "ship");

  /** Things, not people: when one is the subject, a counterfactual describes the system ("the switches failed to learn"). */
  static final Set<String> THINGS = words("switch", "switches", "system", "systems", "service", "services", "server", "servers",
      "cluster", "clusters", "node", "nodes", "pod", "pods", "process", "processes", "job", "jobs", "script", "scripts", "check",
      "checks", "test", "tests", "alert", "alerts", "alarm", "alarms", "monitor", "monitoring", "reflector", "controller",
      "daemon", "agent", "client", "clients", "proxy", "balancer", "database", "databases", "db", "cache", "queue", "worker",
      "workers", "api", "app", "application", "tool", "tooling", "pipeline", "deploy", "deployment", "probe", "config",
      "configuration", "procedure", "procedures", "query", "queries", "request", "requests", "component", "components", "host",
      "hosts", "instance", "instances", "container", "containers", "replica", "replicas", "network", "router", "routers",
      "certificate", "machine", "machines", "code", "function", "library", "software", "hardware", "disk", "disks", "it",
      "build", "builds", "automation", "runbook", "dashboard", "dashboards", "canary", "rollout", "update", "upgrade",
      "migration", "endpoint", "endpoints", "backup", "backups", "engine", "scheduler", "kubelet", "operator's");

  /** Words between a subject and its verb, skipped when looking for the subject. */
  static final Set<String> LINKS = words("that", "which", "also", "then", "still", "repeatedly", "initially", "had", "has",
      "have", "later", "subsequently", "again", "consequently", "therefore", "thus", "unfortunately", "ultimately", "clearly",
      "simply", "just", "both", "all", "eventually", "itself", "themselves");

  /** Relative pronouns: the noun before one is the subject of the verb after its clause. */
  private static final Set<String> RELATIVES = words("that", "which", "who");

  /**
   * Whether the subject before the phrase is a thing, not a person: the nearest word (past adverbs),
   * or, past a relative clause, the noun it qualifies ("the code that creates outputs failed to
   * check" is said of the code; "the team that owns the service failed to check", of the team).
   */
  static boolean thingBefore(String[] words) {
    for (int k = words.length - 1; k > 0; k--) {
      if (!RELATIVES.contains(words[k])) continue;
      if (words[k].equals("who")) return false;
      String head = nearest(words, k);
      if (THINGS.contains(head)) return true;
      if (PEOPLE.contains(head)) return false;
      break;
    }
    return THINGS.contains(nearest(words, words.length));
  }

  /** The nearest word before index {@code end} that is not a link word, or empty. */
  private static String nearest(String[] words, int end) {
    for (int i = end - 1; i >= 0; i--) {
      String w = words[i];
      if (w.isEmpty() || LINKS.contains(w)) continue;
      return w;
    }
    return "";
  }

  /** Words between the phrase and its verb that do not change what it says. */
  static final Set<String> FILLERS = Judgement.words("not", "never", "just", "simply", "also", "even", "immediately", "properly",
      "really", "probably", "easily", "reasonably", "quickly", "sooner", "earlier", "already", "perhaps", "maybe", "at",
      "least", "first", "actually", "clearly", "obviously", "correctly", "carefully", "better", "more", "to", "fully", "adequately",
      "thoroughly");

  /** A set of words, duplicates allowed in the list. */
  static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /** Is one of the last words of a clause a person? */
  static boolean personBefore(String[] words) {
    for (String w : words) if (PEOPLE.contains(w.replace("'s", "").replace("’s", ""))) return true;
    return false;
  }

  /** The first word after the fillers, or empty. */
  static String verb(String[] words) {
    for (String w : words) if (!FILLERS.contains(w)) return w;
    return "";
  }
}
