package io.picolabs.twilio;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints each comparison as a ratio beside its target, measured in this
 * run (absolute times differ between machines; ratios much less). Takes JMH's own options.
 */
public final class JmhReport {

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      options.include("io\\.picolabs\\.twilio\\..*Benchmark.*");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> nanos = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String rules = result.getParams().getParam("rules");
      String key = name.substring(name.lastIndexOf('.') + 1) + (rules == null ? "" : ":" + rules);
      nanos.put(key, result.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println(
        "comparison                               ours ns   sdk ns    ratio   target");
    compare(nanos, "TwiML Hello Monkey greeting+gather", "greeting", 8);
    compare(nanos, "TwiML Dial with 3 Numbers", "dialThree", 8);
    compare(nanos, "TwiML Message with media", "messageWithMedia", 8);
    // One line per case: ours signs the second spelling only when the first fails, the SDK always
    // signs both, so a single case would flatter one side.
    compare(nanos, "signature, URL as seen", "asSeen", 5);
    compare(nanos, "signature, other port spelling", "otherSpelling", 5);
    compare(nanos, "signature, wrong (rejected)", "wrongSignature", 5);
    dispatch(nanos, "emptyRules", "rules that do nothing");
    dispatch(nanos, "sayRules", "rules that say one thing");
  }

  /**
   * One event dispatched to 1, 10 and 100 rules: the cost per rule is the slope from 1 to 100
   * rules, so that what every event pays once (its request context, the answer's TwiML) is not
   * spread over its rules; that fixed part is about the time for 1 rule.
   */
  private static void dispatch(Map<String, Double> nanos, String benchmark, String label) {
    Double one = nanos.get(benchmark + ":1");
    Double ten = nanos.get(benchmark + ":10");
    Double hundred = nanos.get(benchmark + ":100");
    if (one == null || hundred == null) {
      return;
    }
    double perRule = (hundred - one) / 99;
    System.out.printf(
        "dispatch, %-24s 1 / 10 / 100 rules: %6.0f / %s / %7.0f ns;"
            + " per rule %5.0f ns, fixed %5.0f ns   (target: < 2000 ns per rule) %s%n",
        label,
        one,
        ten == null ? "-" : String.format("%6.0f", ten),
        hundred,
        perRule,
        one,
        perRule < 2000 ? "met" : "NOT MET");
  }

  private static void compare(
      Map<String, Double> nanos, String label, String prefix, double target) {
    line(nanos, label, nanos.get(prefix + "Ours"), nanos.get(prefix + "Sdk"), target);
  }

  private static void line(
      Map<String, Double> nanos, String label, Double ours, Double sdk, double target) {
    if (ours == null || sdk == null) {
      return;
    }
    System.out.printf(
        "%-38s %9.0f %8.0f %7.1fx   >= %.0fx %s%n",
        label, ours, sdk, sdk / ours, target, sdk / ours >= target ? "met" : "NOT MET");
  }
}
