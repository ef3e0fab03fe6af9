package io.picolabs.twilio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the settings the code reads: every key of every holder has a row
 * with its environment variable and its default, and every key the document's tables name is one
 * the code reads.
 */
class ConfigReferenceTest {
  private static final Path REFERENCE = Path.of("docs/configuration.md");
  private static final Pattern KEY =
      Pattern.compile("`((?:twilio|events|console)\\.[a-z0-9.<>-]+)`");

  /** Keys the holders cannot list: named accounts are read by a name the configuration gives. */
  private static final Set<String> PATTERNS =
      Set.of("twilio.accounts.<name>.account-sid", "twilio.accounts.<name>.auth-token");

  @Test
  void everySettingHasARowWithItsVariableAndDefault() throws IOException {
    List<String> rows = rows();
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : Configuration.ALL) {
      String row =
          rows.stream().filter(r -> r.contains("`" + setting.key() + "`")).findFirst().orElse(null);
      if (row == null) {
        problems.add(setting.key() + ": no row");
        continue;
      }
      if (!row.contains("`" + setting.environmentVariable() + "`")) {
        problems.add(setting.key() + ": its row does not name " + setting.environmentVariable());
      }
      if (setting.fallback() != null && !row.contains("`" + setting.fallback() + "`")) {
        problems.add(
            setting.key() + ": its row does not give the default `" + setting.fallback() + "`");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyKeyTheTablesNameIsRead() throws IOException {
    Set<String> read =
        Configuration.ALL.stream().map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
    read.addAll(PATTERNS);
    Set<String> named = new TreeSet<>();
    for (String row : rows()) {
      // the first cell names the keys; the others may mention keys in passing
      String first = row.split("\\|")[1];
      Matcher matcher = KEY.matcher(first);
      while (matcher.find()) {
        named.add(matcher.group(1));
      }
    }
    named.removeAll(read);
    assertEquals(Set.of(), named, "keys in docs/configuration.md that nothing reads");
  }

  @Test
  void environmentVariablesFollowMicroProfileConfig() {
    assertEquals("TWILIO_WEBHOOK_DEADLINE_MS", WebhookConfig.DEADLINE_MS.environmentVariable());
    assertEquals("EVENTS_TOKEN", EventsConfig.TOKEN.environmentVariable());
  }

  private static List<String> rows() throws IOException {
    assertTrue(Files.isRegularFile(REFERENCE), REFERENCE + " is missing");
    return Files.readAllLines(REFERENCE).stream().filter(line -> line.startsWith("| `")).toList();
  }
}
